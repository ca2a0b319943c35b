namespace MppSignage.SignageRenderer.Options;

/// <summary>Where frames go.</summary>
public enum OutputKind
{
    /// <summary>A PNG file, replaced atomically (previews, local runs).</summary>
    Png,

    /// <summary>The Linux framebuffer.</summary>
    Framebuffer,
}
