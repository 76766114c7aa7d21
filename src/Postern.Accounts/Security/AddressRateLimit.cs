using System.Collections.Concurrent;
using System.Net;

namespace Postern.Accounts.Security;

/// <summary>At most a number of events per address per window (sign-ups, recovery requests per hour), counted in fixed windows.</summary>
public sealed class AddressRateLimit(int maxPerWindow, TimeSpan window, int maxTrackedAddresses, TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, (DateTimeOffset Start, int Count)> _windows = new();

    /// <summary>Counts one event for the address; false when its window is already full (the event is refused).</summary>
    public bool TryAcquire(IPAddress address)
    {
        var now = time.GetUtcNow();
        var key = AddressKey.Of(address);
        if (_windows.Count >= maxTrackedAddresses)
        {
            foreach (var (stale, entry) in _windows)
            {
                if (now - entry.Start >= window)
                    _windows.TryRemove(stale, out _);
            }
        }
        var allowed = false;
        _windows.AddOrUpdate(key,
            _ =>
            {
                allowed = true;
                return (now, 1);
            },
            (_, entry) =>
            {
                if (now - entry.Start >= window)
                {
                    allowed = true;
                    return (now, 1);
                }
                allowed = entry.Count < maxPerWindow;
                return allowed ? (entry.Start, entry.Count + 1) : entry;
            });
        return allowed;
    }
}
