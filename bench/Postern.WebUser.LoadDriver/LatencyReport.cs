namespace Postern.WebUser.LoadDriver;

/// <summary>Throughput and latency percentiles of one measured run.</summary>
internal sealed record LatencyReport(int Requests, double PerSecond, double P50, double P99, double Max)
{
    public static LatencyReport From(double[] milliseconds, TimeSpan elapsed)
    {
        Array.Sort(milliseconds);
        double Percentile(double p) => milliseconds.Length == 0 ? 0 : milliseconds[Math.Min(milliseconds.Length - 1, (int)Math.Ceiling(p * milliseconds.Length) - 1)];
        return new LatencyReport(milliseconds.Length, milliseconds.Length / elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99), milliseconds.LastOrDefault());
    }

    public override string ToString() =>
        $"{Requests:N0} pages, {PerSecond:N0} pages/s, p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F1} ms";
}
