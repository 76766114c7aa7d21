using System.Collections.Concurrent;
using System.Net;

namespace Postern.Accounts.Security;

/// <summary>
/// Slows down and then locks out the addresses that fail to log in: each failure is answered after a
/// delay that doubles (<see cref="LoginThrottleLimits.FailureDelay"/> up to
/// <see cref="LoginThrottleLimits.MaxFailureDelay"/>), and after
/// <see cref="LoginThrottleLimits.MaxFailures"/> failures within
/// <see cref="LoginThrottleLimits.LockoutDuration"/> the address's logins are refused unchecked until
/// that time has passed. A success clears the address's record.
/// </summary>
/// <remarks>
/// One instance serves every way of logging in (XIMSS, the WebUser login form, HTTP authentication), so
/// failures over one protocol count for the others and an attacker cannot switch protocols to reset the count.
/// </remarks>
public sealed class LoginThrottle(LoginThrottleLimits limits, TimeProvider time)
{
    /// <summary>The throttle configured by <paramref name="options"/>.</summary>
    public LoginThrottle(AccountSecurityOptions options, TimeProvider time)
        : this(options.LoginThrottle, time)
    {
    }

    private readonly ConcurrentDictionary<IPAddress, Record> _records = new();

    /// <summary>Addresses with failures on record.</summary>
    public int TrackedAddresses => _records.Count;

    /// <summary>True when logins from <paramref name="address"/> are refused for now.</summary>
    public bool IsLockedOut(IPAddress address)
    {
        if (!_records.TryGetValue(AddressKey.Of(address), out var record))
            return false;
        lock (record)
            return record.LockedUntil > time.GetUtcNow();
    }

    /// <summary>Counts a failure; returns how long to wait before answering it.</summary>
    public TimeSpan RecordFailure(IPAddress address)
    {
        var now = time.GetUtcNow();
        var key = AddressKey.Of(address);
        if (!_records.ContainsKey(key) && _records.Count >= limits.MaxTrackedAddresses)
            MakeRoom(now);
        var record = _records.GetOrAdd(key, static _ => new Record());
        lock (record)
        {
            // Failures older than the window are forgotten.
            if (now - record.FirstFailure > limits.LockoutDuration)
            {
                record.Failures = 0;
                record.FirstFailure = now;
            }
            record.Failures++;
            record.LastFailure = now;
            if (record.Failures >= limits.MaxFailures)
                record.LockedUntil = now + limits.LockoutDuration;
            return Delay(record.Failures);
        }
    }

    /// <summary>Counts a failure and waits the delay before it may be answered; returns the delay waited.</summary>
    /// <remarks>The delay is what makes guessing slow; the lockout (<see cref="RecordFailure"/>) is what stops it.</remarks>
    public async Task<TimeSpan> RecordFailureAndWaitAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var delay = RecordFailure(address);
        await Task.Delay(delay, time, cancellationToken);
        return delay;
    }

    /// <summary>A login from <paramref name="address"/> succeeded: its failures are forgiven.</summary>
    public void RecordSuccess(IPAddress address) => _records.TryRemove(AddressKey.Of(address), out _);

    /// <summary>The delay before answering the <paramref name="failures"/>-th failure in a row.</summary>
    public TimeSpan Delay(int failures)
    {
        var doublings = Math.Min(failures - 1, 30);
        var delay = limits.FailureDelay * Math.Pow(2, doublings);
        return delay > limits.MaxFailureDelay ? limits.MaxFailureDelay : delay;
    }

    // The table is full: drop records whose failures and lockout are over, then the stalest ones.
    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (key, record) in _records)
        {
            lock (record)
            {
                if (now - record.LastFailure > limits.LockoutDuration && record.LockedUntil <= now)
                    _records.TryRemove(key, out _);
            }
        }
        var excess = _records.Count - limits.MaxTrackedAddresses + 1;
        if (excess <= 0)
            return;
        foreach (var (key, _) in _records.OrderBy(pair => pair.Value.LastFailure).Take(excess).ToList())
            _records.TryRemove(key, out _);
    }

    private sealed class Record
    {
        public int Failures;
        public DateTimeOffset FirstFailure;
        public DateTimeOffset LastFailure;
        public DateTimeOffset LockedUntil;
    }
}
