using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Postern.Accounts;
using Postern.Sessions;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Sessions;

/// <summary>A logged-in XIMSS session: one account, one transport, requests run strictly in arrival order.</summary>
/// <remarks>
/// <para>Requests from every transport attached to the session (its TCP connection; HTTP <c>/sync</c> and
/// <c>/async</c> posts) run one at a time through <see cref="Requests"/>. Asynchronous messages (alerts,
/// folder notifications) are handed to <see cref="Post"/> from any thread and go to the transport's sink:
/// straight down the TCP connection, or into the HTTP binding's poll queue.</para>
/// <para>Operation families keep their per-session state with <see cref="GetState{T}"/>; it is disposed when
/// the session ends.</para>
/// </remarks>
public sealed class XimssSession : Session
{
    private readonly IXimssAsyncSink _sink;
    // Both made on first use: most sessions never need them, and an idle session should cost little.
    private ConcurrentDictionary<Type, object>? _states;
    private List<IDisposable>? _endActions;

    internal XimssSession(long accountId, AccountName account, string realName, IPAddress clientAddress, XimssTransport transport,
        IXimssAsyncSink sink, TimeProvider time)
        : base(SessionKind.Ximss, accountId, account, clientAddress, time)
    {
        RealName = realName;
        Transport = transport;
        _sink = sink;
    }

    /// <summary>The transport that created the session and receives its asynchronous messages.</summary>
    public XimssTransport Transport { get; }

    /// <summary>The account's real name at login.</summary>
    public string RealName { get; }

    /// <summary>The client's name (<c>setClientName</c>), for the monitor and logs.</summary>
    public string? ClientName { get; internal set; }

    /// <summary>Whether the client asked for mailbox-level change reports (<c>setSessionOption name="reportMailboxChanges"</c>).</summary>
    public bool ReportMailboxChanges { get; internal set; }

    /// <summary>The operation in progress, for the access monitor.</summary>
    public ActivityStatus Activity { get; } = new();

    /// <summary>The tag of this session's log records, <c>XIMSS-00042</c> (CGP Guide, XIMSS module, "Monitoring").</summary>
    public string LogTag => "XIMSS-" + Number.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// The session identifier fit for logs and monitors: the number and the first four characters of
    /// the secret (<c>562-kAI2…</c>), never the whole secret.
    /// </summary>
    public string MaskedId => Id.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 && Id.Length > dash + 4
        ? Id[..(dash + 5)] + "…"
        : Id;

    internal SerialQueue Requests { get; } = new();

    /// <summary>The <c>reqSeq</c> numbering of the session's HTTP posts (used inside <see cref="Requests"/> only).</summary>
    internal Http.RequestSequence Sequence => field ??= new();

    /// <summary>The HTTP binding's state (request sequence, poll queue) of a session created over HTTP.</summary>
    internal Http.HttpSessionState? Http => _sink as Http.HttpSessionState;

    internal IReadOnlyList<KeyValuePair<string, object?>> LogScope => field ??= [new(XimssLog.ScopeKey, LogTag)];

    /// <summary>
    /// Sends asynchronous messages (no <c>id</c>) to the client through whichever transport the session
    /// has; callable from any thread, returns at once. <paramref name="write"/> writes complete top-level
    /// messages only.
    /// </summary>
    public void Post<TState>(TState state, Action<XimssXmlWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (HasEnded)
            return;
        using var buffer = new PooledBufferWriter();
        var writer = new XimssXmlWriter(buffer) { TerminateMessages = true };
        write(writer, state);
        if (writer.Depth != 0)
            throw new InvalidOperationException("An asynchronous message was left open.");
        Deliver(buffer.WrittenSpan);
    }

    /// <summary>Hands zero-terminated messages to the session's sink.</summary>
    internal void Deliver(ReadOnlySpan<byte> messages)
    {
        // A client that lets its messages pile up has stopped listening (XimssServerLimits).
        if (!messages.IsEmpty && !_sink.Deliver(messages))
            End(SessionEndReason.Disconnected);
    }

    /// <inheritdoc cref="Post{TState}"/>
    public void Post(Action<XimssXmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Post(write, static (writer, write) => write(writer));
    }

    /// <summary>The session's instance of <typeparamref name="T"/>, created on first use; disposed (if it is disposable) when the session ends.</summary>
    public T GetState<T>() where T : class, new()
    {
        var states = Volatile.Read(ref _states) ?? Interlocked.CompareExchange(ref _states, new(), null) ?? _states!;
        return (T)states.GetOrAdd(typeof(T), static _ => new T());
    }

    /// <summary>The newest alert sent to this session (<see cref="AlertDelivery"/>).</summary>
    internal long LastAlertId { get; set; }

    /// <summary>Disposes <paramref name="resource"/> when the session ends (at once if it has ended).</summary>
    internal void DisposeOnEnd(IDisposable resource)
    {
        lock (Requests)
        {
            if (!HasEnded)
            {
                (_endActions ??= []).Add(resource);
                return;
            }
        }
        resource.Dispose();
    }

    protected override void OnEnding(SessionEndReason reason)
    {
        List<IDisposable>? actions;
        lock (Requests)
        {
            actions = _endActions;
            _endActions = null;
        }
        foreach (var action in actions ?? [])
            action.Dispose();
        foreach (var state in _states?.Values ?? [])
            (state as IDisposable)?.Dispose();
        _sink.Close(reason);
    }
}
