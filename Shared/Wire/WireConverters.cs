using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace MppSignage.Shared.Wire;

/// <summary>Date-times with offset on the wire: <see cref="IsoTime.Pattern"/> (<c>2024-07-01T08:00:00+07:00</c>), through NodaTime.Serialization.SystemTextJson.</summary>
public sealed class WireOffsetDateTimeConverter() : DelegatingConverterBase<OffsetDateTime>(new NodaPatternConverter<OffsetDateTime>(IsoTime.Pattern));

/// <summary>Instants in state files: NodaTime's ISO form in UTC (<c>2024-07-01T01:00:00Z</c>).</summary>
public sealed class WireInstantConverter() : DelegatingConverterBase<Instant>(NodaConverters.InstantConverter);
