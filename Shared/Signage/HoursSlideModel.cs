using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>The hours slide: the week, upcoming holidays, the decree.</summary>
/// <param name="Title">Slide title (<c>Jam Layanan</c>).</param>
/// <param name="Week">Weekly summary lines (<c>Senin–Kamis 08.00–14.00 WIB</c>).</param>
/// <param name="HolidaysTitle">Heading of the holiday list, or null when there are none.</param>
/// <param name="Holidays">Upcoming closures (<c>Sabtu, 17 Agustus 2024 · Hari Kemerdekaan</c>).</param>
/// <param name="Source">Decree reference of the hours in force, or null. Not drawn on the screen (noise for visitors).</param>
public sealed record HoursSlideModel(
    LocalizedText Title,
    EquatableList<LocalizedText> Week,
    LocalizedText? HolidaysTitle,
    EquatableList<LocalizedText> Holidays,
    string? Source) : SlideModel;
