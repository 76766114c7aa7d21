using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Postern.Benchmarks.Mime;

/// <summary>A "MB/s" column: the input bytes one operation processes over the mean time.</summary>
/// <remarks>The column runs in the host process, not the benchmark's, so it asks the sizes from a function.</remarks>
internal sealed class ThroughputColumn(Func<string, long?> bytesPerOperation) : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input megabytes (10^6 bytes) parsed per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null || bytesPerOperation(benchmarkCase.Descriptor.WorkloadMethod.Name) is not { } bytes)
        {
            return "-";
        }

        var seconds = report.ResultStatistics.Mean / 1e9;
        return (bytes / seconds / 1e6).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
