using System.Security.Cryptography;

namespace Postern.Ximss.Authentication;

/// <summary>
/// The nonces <c>listFeatures</c> hands out for the HTTP CRAM-MD5 login (docs/ximss.md §2): each may be
/// used for one login, within its lifetime, so a captured login cannot be replayed.
/// </summary>
internal sealed class NonceCache(int capacity, TimeSpan lifetime, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>A new nonce: 128 random bits as 32 hex digits, the shape CGP hands out (seed example).</summary>
    public string Issue()
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Prune(now);
            // Full: the oldest nonce gives way (its login, if it ever comes, fails like a stale one).
            while (_order.Count >= capacity && _order.TryDequeue(out var oldest))
                _expiries.Remove(oldest);
            _expiries[nonce] = now + lifetime;
            _order.Enqueue(nonce);
        }
        return nonce;
    }

    /// <summary>Uses up a nonce; false when it was never issued, is used already, or has expired.</summary>
    public bool TryConsume(string nonce)
    {
        lock (_gate)
            return _expiries.Remove(nonce, out var expiry) && expiry > time.GetUtcNow();
    }

    private void Prune(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (!_expiries.TryGetValue(oldest, out var expiry) || expiry <= now))
        {
            _order.Dequeue();
            _expiries.Remove(oldest);
        }
    }
}
