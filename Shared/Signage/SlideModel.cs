namespace MppSignage.Shared.Signage;

/// <summary>
/// What one slide says, in words, before any layout: the renderer lays it out and draws it. Models are
/// records with structural equality, so an unchanged model means an unchanged slide.
/// </summary>
public abstract record SlideModel;
