using System.Diagnostics.Metrics;

namespace Postern.Ximss.Monitoring;

/// <summary>
/// The XIMSS module's counters, published as the <see cref="Meter"/> <c>Postern.Ximss</c> (for
/// <c>dotnet-counters</c> and OpenTelemetry) and read by the access monitor.
/// </summary>
public sealed class XimssMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Postern.Ximss";

    // The rate is averaged over this many one-second buckets.
    private const int RateSeconds = 10;

    private readonly Meter _meter;
    private readonly Counter<long> _logins;
    private readonly Counter<long> _loginFailures;
    private readonly Counter<long> _operations;
    private readonly Counter<long> _refusedChannels;
    private readonly TimeProvider _time;
    private readonly long[] _buckets = new long[RateSeconds];
    private readonly Lock _rateGate = new();
    private long _bucketSecond;
    private long _totalLogins;
    private long _totalLoginFailures;
    private long _totalOperations;
    private long _totalRefused;
    private int _channels;
    private int _sessions;

    public XimssMetrics(TimeProvider time)
    {
        _time = time;
        _meter = new Meter(MeterName);
        _logins = _meter.CreateCounter<long>("postern.ximss.logins", description: "Successful XIMSS logins.");
        _loginFailures = _meter.CreateCounter<long>("postern.ximss.login_failures", description: "Failed or refused XIMSS logins.");
        _operations = _meter.CreateCounter<long>("postern.ximss.operations", description: "XIMSS requests run, by operation.");
        _refusedChannels = _meter.CreateCounter<long>("postern.ximss.channels_refused", description: "Connections refused by a channel limit.");
        _meter.CreateObservableUpDownCounter("postern.ximss.channels", () => Volatile.Read(ref _channels), description: "Open XIMSS channels (TCP connections).");
        _meter.CreateObservableUpDownCounter("postern.ximss.sessions", () => Volatile.Read(ref _sessions), description: "Live XIMSS sessions.");
    }

    public int Channels => Volatile.Read(ref _channels);

    public int Sessions => Volatile.Read(ref _sessions);

    public long Logins => Interlocked.Read(ref _totalLogins);

    public long LoginFailures => Interlocked.Read(ref _totalLoginFailures);

    public long Operations => Interlocked.Read(ref _totalOperations);

    public long RefusedChannels => Interlocked.Read(ref _totalRefused);

    /// <summary>Requests per second over the last ten seconds.</summary>
    public double OperationsPerSecond
    {
        get
        {
            lock (_rateGate)
            {
                Roll(CurrentSecond());
                // The current second is still filling; average over the whole ones before it.
                return (_buckets.Sum() - _buckets[_bucketSecond % RateSeconds]) / (double)(RateSeconds - 1);
            }
        }
    }

    internal void ChannelOpened() => Interlocked.Increment(ref _channels);

    internal void ChannelClosed() => Interlocked.Decrement(ref _channels);

    internal void ChannelRefused()
    {
        Interlocked.Increment(ref _totalRefused);
        _refusedChannels.Add(1);
    }

    internal void SessionStarted()
    {
        Interlocked.Increment(ref _sessions);
        Interlocked.Increment(ref _totalLogins);
        _logins.Add(1);
    }

    internal void SessionEnded() => Interlocked.Decrement(ref _sessions);

    internal void LoginFailed()
    {
        Interlocked.Increment(ref _totalLoginFailures);
        _loginFailures.Add(1);
    }

    internal void OperationRun(string operation)
    {
        Interlocked.Increment(ref _totalOperations);
        if (_operations.Enabled)
            _operations.Add(1, new KeyValuePair<string, object?>("operation", operation));
        lock (_rateGate)
        {
            Roll(CurrentSecond());
            _buckets[_bucketSecond % RateSeconds]++;
        }
    }

    public void Dispose() => _meter.Dispose();

    private long CurrentSecond() => _time.GetUtcNow().ToUnixTimeSeconds();

    // Empties the buckets of the seconds that passed since the last count.
    private void Roll(long second)
    {
        if (second <= _bucketSecond)
            return;
        var passed = Math.Min(second - _bucketSecond, RateSeconds);
        for (var i = 1; i <= passed; i++)
            _buckets[(_bucketSecond + i) % RateSeconds] = 0;
        _bucketSecond = second;
    }
}
