namespace MppSignage.SystemTests.Support;

/// <summary>
/// Tests that measure the managed heap of this process after full GCs: they run alone, after the others,
/// because every test running beside them (other controllers, brokers, clients) would count in their heap.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurements
{
    public const string Name = "heap measurements";
}
