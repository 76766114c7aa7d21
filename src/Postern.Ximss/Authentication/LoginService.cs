using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Sessions;
using Postern.Storage;
using Postern.Ximss.Engine;
using Postern.Ximss.Http;
using Postern.Ximss.Monitoring;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Xml;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Authentication;

/// <summary>
/// Turns a credential check into a session, the same way for every login form (XIMSS <c>login</c>, SASL,
/// the HTTP login): lockout check, the failure delay, per-address and server-wide session limits, the
/// session's registration, and its records.
/// </summary>
public sealed class LoginService
{
    private readonly LoginThrottle _throttle;
    private readonly SessionRegistry _registry;
    private readonly AccountService _accounts;
    private readonly AlertDelivery _alerts;
    private readonly XimssServerLimits _limits;
    private readonly XimssMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _listenerLog;
    private readonly ILogger _sessionLog;
    private readonly ConcurrentDictionary<IPAddress, int> _sessionsByAddress = new();

    public LoginService(LoginThrottle throttle, SessionRegistry registry, AccountService accounts, AlertDelivery alerts, XimssOptions options,
        XimssMetrics metrics, TimeProvider time, ILoggerFactory loggers)
    {
        _throttle = throttle;
        _registry = registry;
        _accounts = accounts;
        _alerts = alerts;
        _limits = options.Limits;
        _metrics = metrics;
        _time = time;
        _listenerLog = loggers.CreateLogger(XimssLog.ListenerCategory);
        _sessionLog = loggers.CreateLogger(XimssLog.SessionCategory);
    }

    /// <summary>
    /// Checks credentials with <paramref name="verify"/> and, when they hold, starts a session on
    /// <paramref name="channel"/> and writes the <c>session</c> message, followed by the account's
    /// pending alerts as initial asynchronous messages. A failure is answered only after the throttle's delay.
    /// </summary>
    /// <param name="channel">The channel logging in; it holds the session afterwards.</param>
    /// <param name="requestId">The id for the <c>session</c> message; null on the HTTP login, whose reply has none (seed).</param>
    /// <param name="userName">The name the client gave, for the log.</param>
    /// <param name="verify">The credential check (password, CRAM-MD5…).</param>
    /// <param name="fixedAddress">False when the client asked not to bind the session to its address (<c>DisableIPWatch</c>).</param>
    /// <param name="writer">Where the <c>session</c> message goes.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>Null on success, else the error to answer with.</returns>
    public async Task<XimssError?> LoginAsync(XimssChannel channel, string? requestId, string userName,
        Func<CancellationToken, Task<AuthenticationResult>> verify, bool fixedAddress, XimssXmlWriter writer, CancellationToken cancellationToken)
    {
        var address = channel.RemoteAddress;
        if (_throttle.IsLockedOut(address))
        {
            _metrics.LoginFailed();
            XimssLog.LoginLockedOut(_listenerLog, address, userName);
            return XimssError.LoginLockedOut;
        }

        var result = await verify(cancellationToken);
        if (result.Account is not { } account)
            return await FailAsync(address, userName, result.Failure.ToString(), cancellationToken);

        _throttle.RecordSuccess(address);
        return await StartSessionAsync(channel, requestId, account, fixedAddress, writer, cancellationToken);
    }

    /// <summary>Counts a failed credential check and waits the throttle's delay; returns the error to answer with.</summary>
    public async Task<XimssError> FailAsync(IPAddress address, string userName, string reason, CancellationToken cancellationToken)
    {
        var delay = _throttle.RecordFailure(address);
        _metrics.LoginFailed();
        XimssLog.LoginFailed(_listenerLog, address, userName, reason, (long)delay.TotalMilliseconds);
        // The delay is what makes guessing slow; the lockout (RecordFailure) is what stops it.
        await Task.Delay(delay, _time, cancellationToken);
        return XimssError.IncorrectCredentials;
    }

    private async Task<XimssError?> StartSessionAsync(XimssChannel channel, string? requestId, AccountRecord account, bool fixedAddress,
        XimssXmlWriter writer, CancellationToken cancellationToken)
    {
        var address = channel.RemoteAddress;
        var addressKey = AddressKey.Of(address);
        var name = await _accounts.GetNameAsync(account, cancellationToken);
        if (_sessionsByAddress.AddOrUpdate(addressKey, 1, static (_, count) => count + 1) > _limits.MaxSessionsPerAddress)
        {
            ReleaseAddress(addressKey);
            XimssLog.LoginRefused(_listenerLog, address, name.ToString(), $"{_limits.MaxSessionsPerAddress} sessions from this address already");
            return XimssError.TooManySessionsFromAddress;
        }

        IXimssAsyncSink sink = channel.AsyncSink ?? new HttpSessionState(_limits.MaxPendingAsyncBytes);
        var session = new XimssSession(account.Id, name, account.RealName, address, channel.Transport, sink, _time)
        {
            FixedAddress = fixedAddress,
            IdleTimeout = _limits.IdleTimeout,
        };
        if (!_registry.TryRegister(session))
        {
            ReleaseAddress(addressKey);
            XimssLog.LoginRefused(_listenerLog, address, name.ToString(), "the server holds as many sessions as it may");
            return XimssError.ServerBusy;
        }

        _metrics.SessionStarted();
        session.Ended.Register(() => OnEnded(session, addressKey));
        channel.Session = session;
        using (_sessionLog.BeginScope(session.LogScope))
            XimssLog.LoggedIn(_sessionLog, address, name.ToString(), channel.Transport == XimssTransport.Tcp ? "TCP" : "HTTP", session.MaskedId);
        writer.WriteSession(requestId, new SessionInfo(session.Id, name.ToString())
        {
            RealName = account.RealName.Length == 0 ? null : account.RealName,
        });
        await _alerts.StartAsync(session, account, writer, cancellationToken);
        return null;
    }

    private void OnEnded(XimssSession session, IPAddress addressKey)
    {
        ReleaseAddress(addressKey);
        _metrics.SessionEnded();
        using (_sessionLog.BeginScope(session.LogScope))
            XimssLog.SessionEnded(_sessionLog, session.EndReason?.ToString() ?? "unknown");
    }

    private void ReleaseAddress(IPAddress addressKey)
    {
        if (_sessionsByAddress.AddOrUpdate(addressKey, 0, static (_, count) => count - 1) <= 0)
            _sessionsByAddress.TryRemove(new KeyValuePair<IPAddress, int>(addressKey, 0));
    }
}
