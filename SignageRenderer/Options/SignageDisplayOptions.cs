using System.ComponentModel.DataAnnotations;
using MppSignage.SignageRenderer.Layout;

namespace MppSignage.SignageRenderer.Options;

/// <summary>Section <c>Display</c>: where and how the frame is drawn (CEC power is <c>Display:Cec</c>, see <see cref="Display.CecOptions"/>).</summary>
public sealed class SignageDisplayOptions : IValidatableObject
{
    /// <summary>Default output.</summary>
    public const string DefaultOutput = "png";

    /// <summary>Default size (landscape full HD).</summary>
    public const string DefaultSize = "1920x1080";

    /// <summary>Default frame file for <c>png</c> output.</summary>
    public const string DefaultPngPath = "out/frame.png";

    /// <summary>Default framebuffer device.</summary>
    public const string DefaultFramebuffer = "/dev/fb0";

    /// <summary>Default framebuffer sysfs directory.</summary>
    public const string DefaultFramebufferSysfs = "/sys/class/graphics/fb0";

    /// <summary>
    /// Default font family: B612 (Debian package fonts-b612, 0.6 MB), drawn for Airbus cockpit screens to stay legible
    /// at a glance in hard light: open counters, a large x-height, and 1/l/I and 0/O that cannot be mistaken, which is
    /// what counter numbers and times read from the door need. Checked at start like any family.
    /// </summary>
    public const string DefaultFont = "B612";

    /// <summary>Default language: Indonesian only.</summary>
    public const string DefaultLanguage = "id";

    /// <summary>
    /// Default cross-fade: off. Measured with NativeBench's idle window (docs/signage.md "Idle CPU with the fade"), any
    /// fade takes the renderer over its idle-CPU target of 0.2 % of a core (off 0.19 %; 400 ms in 8 steps 0.35 % at
    /// 32 bpp, 0.26 % at 16 bpp; 2 steps 0.26 %), so a site turns it on knowingly with <see cref="SuggestedFadeMilliseconds"/>.
    /// </summary>
    public const int DefaultFadeMilliseconds = 0;

    /// <summary>The cross-fade to turn on: 400 ms, long enough to read as a change, short enough not to hold the next slide back.</summary>
    public const int SuggestedFadeMilliseconds = 400;

    /// <summary>Default frames per cross-fade (the last one is the next slide): 8 over <see cref="SuggestedFadeMilliseconds"/> is 20 frames a second.</summary>
    public const int DefaultFadeSteps = 8;

    /// <summary>Longest cross-fade.</summary>
    public const int MaxFadeMilliseconds = 2000;

    /// <summary>Most frames per cross-fade.</summary>
    public const int MaxFadeSteps = 60;

    /// <summary>Default time after which missing controller/broker marks the screen as possibly stale.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(2);

    /// <summary><c>Display:Output</c>: <c>png</c> or <c>framebuffer</c> (<c>fb</c>).</summary>
    public string? Output { get; set; } = DefaultOutput;

    /// <summary><c>Display:Size</c>: <c>1920x1080</c> (landscape) or <c>1080x1920</c> (portrait).</summary>
    public string? Size { get; set; } = DefaultSize;

    /// <summary><c>Display:PngPath</c>.</summary>
    public string? PngPath { get; set; } = DefaultPngPath;

    /// <summary><c>Display:Framebuffer</c>.</summary>
    public string? Framebuffer { get; set; } = DefaultFramebuffer;

    /// <summary><c>Display:FramebufferSysfs</c>: its sysfs directory (virtual_size, bits_per_pixel, stride).</summary>
    public string? FramebufferSysfs { get; set; } = DefaultFramebufferSysfs;

    /// <summary><c>Display:Rotate</c>: 0, 90, 180 or 270 degrees clockwise, for a screen mounted turned.</summary>
    public int Rotate { get; set; }

    /// <summary><c>Display:Font</c>: family name or font file.</summary>
    public string? Font { get; set; } = DefaultFont;

    /// <summary><c>Display:Language</c>: <c>id</c> or <c>id+en</c> (English second lines).</summary>
    public string? Language { get; set; } = DefaultLanguage;

    /// <summary><c>Display:StaleAfter</c>.</summary>
    public TimeSpan StaleAfter { get; set; } = DefaultStaleAfter;

    /// <summary>
    /// <c>Display:FadeMilliseconds</c>: slides change by a cross-fade this long on a framebuffer (0 = off, the default,
    /// for the idle-CPU target; 400 suggested to turn it on); PNG output always writes the final frames only.
    /// </summary>
    public int FadeMilliseconds { get; set; } = DefaultFadeMilliseconds;

    /// <summary><c>Display:FadeSteps</c>: frames drawn per cross-fade, the last one being the next slide (2-60).</summary>
    public int FadeSteps { get; set; } = DefaultFadeSteps;

    /// <summary>The cross-fade timing these options give.</summary>
    public Service.CrossFader Fader() => new(TimeSpan.FromMilliseconds(FadeMilliseconds), FadeSteps);

    /// <summary>The output kind, or null when <see cref="Output"/> names none.</summary>
    public OutputKind? Kind() => OutputText() switch
    {
        "png" => OutputKind.Png,
        "framebuffer" or "fb" => OutputKind.Framebuffer,
        _ => null,
    };

    /// <summary>The geometry, or null when <see cref="Size"/> is not WIDTHxHEIGHT in range.</summary>
    public ScreenGeometry? Geometry() => ScreenGeometry.TryParse(SignageOptions.Text(Size) ?? DefaultSize);

    /// <summary>The font (trimmed; the default when empty).</summary>
    public string FontName() => SignageOptions.Text(Font) ?? DefaultFont;

    /// <summary>Whether English second lines are drawn; null when <see cref="Language"/> is not supported.</summary>
    public bool? Bilingual() => LanguageText() switch
    {
        "id" => false,
        "id+en" or "id,en" => true,
        _ => null,
    };

    private string OutputText() => (SignageOptions.Text(Output) ?? DefaultOutput).ToLowerInvariant();

    private string LanguageText() => (SignageOptions.Text(Language) ?? DefaultLanguage).ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind() is null)
        {
            yield return SignageOptions.Problem($"Display:Output: '{OutputText()}' is not an output; use png (a frame file) or framebuffer (/dev/fb0).");
        }

        if (Geometry() is null)
        {
            yield return SignageOptions.Problem($"Display:Size: '{SignageOptions.Text(Size)}' is not WIDTHxHEIGHT between 320x240 and 8192x8192; use 1920x1080 (landscape) or 1080x1920 (portrait).");
        }

        if (Rotate is not (0 or 90 or 180 or 270))
        {
            yield return SignageOptions.Problem($"Display:Rotate: {Rotate} must be 0, 90, 180 or 270.");
        }

        if (Bilingual() is null)
        {
            yield return SignageOptions.Problem($"Display:Language: '{LanguageText()}' is not supported; use id (Indonesian) or id+en (Indonesian with English second lines).");
        }

        if (FadeMilliseconds is < 0 or > MaxFadeMilliseconds or (> 0 and < 100))
        {
            yield return SignageOptions.Problem($"Display:FadeMilliseconds: '{FadeMilliseconds}' must be 0 (no cross-fade) or a whole number from 100 to {MaxFadeMilliseconds}, e.g. {SuggestedFadeMilliseconds}.");
        }

        if (FadeSteps is < 2 or > MaxFadeSteps)
        {
            yield return SignageOptions.Problem($"Display:FadeSteps: '{FadeSteps}' must be a whole number from 2 to {MaxFadeSteps} (frames per cross-fade, the last one being the next slide), e.g. {DefaultFadeSteps}.");
        }
        else if (FadeMilliseconds > 0 && FadeMilliseconds / FadeSteps < 10)
        {
            yield return SignageOptions.Problem($"Display:FadeSteps: {FadeSteps} frames in Display:FadeMilliseconds {FadeMilliseconds} is more than one every 10 ms; use at most {Math.Max(2, FadeMilliseconds / 10)} steps.");
        }

        if (SignageOptions.SpanProblem("Display:StaleAfter", StaleAfter, TimeSpan.Zero, TimeSpan.FromDays(1)) is { } stale)
        {
            yield return stale;
        }
    }
}
