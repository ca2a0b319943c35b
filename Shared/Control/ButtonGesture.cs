namespace MppSignage.Shared.Control;

/// <summary>What a staff button press means.</summary>
public enum ButtonGesture
{
    /// <summary>Pressed and released within the long-press time: toggle the door, ending as an override without <c>until</c> does.</summary>
    ShortPress = 0,

    /// <summary>Held at least the long-press time: back to automatic.</summary>
    LongPress = 1,
}
