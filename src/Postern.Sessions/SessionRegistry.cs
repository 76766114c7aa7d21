using System.Collections.Concurrent;
using System.Net;

namespace Postern.Sessions;

/// <summary>Every live session of the server, found by its URL identifier.</summary>
/// <remarks>
/// XIMSS and WebUser sessions share one registry because they share one URL space:
/// <c>/Session/&lt;id&gt;/…</c> is routed to the module that owns the session found here.
/// </remarks>
public sealed class SessionRegistry(SessionLimits limits, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private int _lastNumber;

    public int Count => _sessions.Count;

    /// <summary>Gives the session its number and identifier and makes it findable.</summary>
    /// <returns>False when the registry is full (<see cref="SessionLimits.MaxSessions"/>).</returns>
    public bool TryRegister(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_sessions.Count >= limits.MaxSessions)
            return false;
        session.Number = Interlocked.Increment(ref _lastNumber);
        // A collision of 119 random bits is not going to happen, but a retry costs nothing.
        do
            session.Id = SessionId.Create(session.Number);
        while (!_sessions.TryAdd(session.Id, session));
        return true;
    }

    /// <summary>Finds a live session for a request from <paramref name="client"/>.</summary>
    public SessionLookup Find(ReadOnlySpan<char> id, IPAddress client, out Session? session)
    {
        session = null;
        if (!SessionId.IsWellFormed(id) || !_sessions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var found))
            return SessionLookup.NotFound;
        if (found.HasEnded || found.IsIdleAt(time.GetUtcNow()))
        {
            End(found, SessionEndReason.IdleTimeout);
            return SessionLookup.NotFound;
        }
        if (found.FixedAddress && !SameAddress(found.ClientAddress, client))
            return SessionLookup.WrongAddress;
        session = found;
        return SessionLookup.Found;
    }

    /// <summary>Ends a session and forgets it.</summary>
    public void End(Session session, SessionEndReason reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        _sessions.TryRemove(new KeyValuePair<string, Session>(session.Id, session));
        session.End(reason);
    }

    /// <summary>The live sessions, optionally of one kind, in creation order (for monitors).</summary>
    public IReadOnlyList<Session> Snapshot(SessionKind? kind = null) =>
        _sessions.Values.Where(s => kind is null || s.Kind == kind).OrderBy(s => s.Number).ToList();

    /// <summary>Ends every session that has been idle longer than its timeout; returns how many.</summary>
    public int ExpireIdle()
    {
        var now = time.GetUtcNow();
        var expired = 0;
        foreach (var session in _sessions.Values)
        {
            if (session.IsIdleAt(now))
            {
                End(session, SessionEndReason.IdleTimeout);
                expired++;
            }
        }
        return expired;
    }

    /// <summary>Expires idle sessions every <see cref="SessionLimits.ExpiryScanInterval"/> until cancelled.</summary>
    public async Task RunExpiryAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(limits.ExpiryScanInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                ExpireIdle();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Ends every session (server shutdown).</summary>
    public void EndAll(SessionEndReason reason)
    {
        foreach (var session in _sessions.Values)
            End(session, reason);
    }

    private static bool SameAddress(IPAddress a, IPAddress b) => Normalize(a).Equals(Normalize(b));

    private static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>The outcome of <see cref="SessionRegistry.Find"/>.</summary>
public enum SessionLookup
{
    Found,

    /// <summary>No such session, or it has ended or expired (CommuniGate answers these alike).</summary>
    NotFound,

    /// <summary>The session is bound to another client address.</summary>
    WrongAddress,
}
