namespace MppSignage.Shared.OpeningHours;

/// <summary>The holidays of one year as sorted day numbers (days since 1970-01-01) with their names.</summary>
internal sealed record YearHolidays(int Year, long[] Days, string[] Names);
