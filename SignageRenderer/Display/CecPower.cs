namespace MppSignage.SignageRenderer.Display;

/// <summary>The display power state the renderer asks the TV for over HDMI-CEC.</summary>
public enum CecPower
{
    /// <summary>Image View On (the TV wakes and shows this input).</summary>
    On,

    /// <summary>Standby.</summary>
    Standby,
}
