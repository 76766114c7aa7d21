using System.Net;
using Postern.Accounts;

namespace Postern.Sessions;

/// <summary>A logged-in session of one account, kept in the <see cref="SessionRegistry"/>.</summary>
/// <remarks>
/// Modules derive their own session type (XIMSS, WebUser) and keep their per-session state there.
/// A session ends once: by its owner (<c>bye</c>, <c>Bye.wssp</c>), by inactivity, or by the server
/// stopping; <see cref="Ended"/> is cancelled then, so long-polls and connections bound to it finish.
/// </remarks>
public abstract class Session
{
    private readonly CancellationTokenSource _ended = new();
    private long _lastActivityTicks;
    private int _endReason = -1;

    protected Session(SessionKind kind, long accountId, AccountName account, IPAddress clientAddress, TimeProvider time)
    {
        Kind = kind;
        AccountId = accountId;
        Account = account;
        ClientAddress = clientAddress;
        Time = time;
        Created = time.GetUtcNow();
        _lastActivityTicks = Created.UtcTicks;
    }

    /// <summary>The URL identifier (<see cref="SessionId"/>); set when the session is registered.</summary>
    public string Id { get; internal set; } = "";

    /// <summary>The number that names the session in logs (<c>XIMSS-00042</c>) and monitors.</summary>
    public int Number { get; internal set; }

    public SessionKind Kind { get; }

    public long AccountId { get; }

    public AccountName Account { get; }

    /// <summary>The address the session was created from.</summary>
    public IPAddress ClientAddress { get; }

    /// <summary>
    /// When true, requests from any other address are refused (CommuniGate's "Fixed IP address";
    /// a client turns it off with <c>DisableIPWatch</c>).
    /// </summary>
    public bool FixedAddress { get; init; } = true;

    /// <summary>How long the session may stay unused before it ends.</summary>
    /// <remarks>Ten minutes unless the module says otherwise: CommuniGate's XIMSS keep-alive rule.</remarks>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public DateTimeOffset Created { get; }

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>Cancelled when the session ends.</summary>
    public CancellationToken Ended => _ended.Token;

    public bool HasEnded => Volatile.Read(ref _endReason) >= 0;

    /// <summary>Why the session ended, or null while it lives.</summary>
    public SessionEndReason? EndReason => Volatile.Read(ref _endReason) is var r and >= 0 ? (SessionEndReason)r : null;

    protected TimeProvider Time { get; }

    /// <summary>Resets the inactivity timer: every request that reaches the session calls it.</summary>
    public void Touch() => Interlocked.Exchange(ref _lastActivityTicks, Time.GetUtcNow().UtcTicks);

    public bool IsIdleAt(DateTimeOffset now) => now - LastActivity >= IdleTimeout;

    /// <summary>Ends the session; only the first call has an effect. Returns whether this call ended it.</summary>
    public bool End(SessionEndReason reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, (int)reason, -1) != -1)
            return false;
        OnEnding(reason);
        _ended.Cancel();
        return true;
    }

    /// <summary>Lets a module release what the session holds (open folders, parked requests) as it ends.</summary>
    protected virtual void OnEnding(SessionEndReason reason)
    {
    }
}

/// <summary>Why a session ended.</summary>
public enum SessionEndReason
{
    /// <summary>The client asked (<c>bye</c>, <c>Bye</c>, <c>KILL</c>).</summary>
    Logout,

    /// <summary>No request arrived within the idle timeout.</summary>
    IdleTimeout,

    /// <summary>The transport the session was bound to closed (a XIMSS TCP connection).</summary>
    Disconnected,

    /// <summary>A newer login replaced it (<c>killOld</c>), or an administrator removed it.</summary>
    Killed,

    /// <summary>The server is stopping.</summary>
    Shutdown,
}
