using System.Net;
using Microsoft.Extensions.Logging;

namespace Postern.Ximss;

/// <summary>
/// The XIMSS module's log records (event IDs 3000–3099). Listener records carry the <c>XIMSSI</c> tag and
/// session records <c>XIMSS-nnnnn</c>, as CommuniGate tags them (CGP Guide, XIMSS module).
/// </summary>
/// <remarks>
/// Levels follow CommuniGate's: logins and session ends are Major (Information), refusals and failures
/// Problems (Warning), protocol text only Low-Level (Debug) and All Info (Trace). Nothing secret is
/// logged: requests are printed by their records' redacting <c>ToString()</c>, and session ids only by
/// their number and the first characters of their secret.
/// </remarks>
internal static partial class XimssLog
{
    /// <summary>The logger category of listener records.</summary>
    public const string ListenerCategory = "XIMSSI";

    /// <summary>The logger category of session records; each session's scope narrows it to <c>XIMSS-nnnnn</c>.</summary>
    public const string SessionCategory = "XIMSS";

    /// <summary>
    /// The scope key whose value replaces a record's tag: the key Postern's logger provider reads
    /// (<c>LogTags.ScopeKey</c> in Postern.Server; a server test checks the two agree).
    /// </summary>
    public const string ScopeKey = "LogTag";

    // ── Listener (XIMSSI) ────────────────────────────────────────────────────────────────────────

    [LoggerMessage(3000, LogLevel.Debug, "[{Address}] channel {Channel} connected{Secure}")]
    public static partial void ChannelAccepted(ILogger logger, IPAddress address, int channel, string secure);

    [LoggerMessage(3001, LogLevel.Warning, "[{Address}] connection refused: {Reason}")]
    public static partial void ChannelRefused(ILogger logger, IPAddress address, string reason);

    [LoggerMessage(3002, LogLevel.Debug, "[{Address}] channel {Channel} closed")]
    public static partial void ChannelClosed(ILogger logger, IPAddress address, int channel);

    [LoggerMessage(3003, LogLevel.Warning, "[{Address}] channel {Channel}: TLS handshake failed: {Reason}")]
    public static partial void TlsFailed(ILogger logger, IPAddress address, int channel, string reason);

    [LoggerMessage(3004, LogLevel.Debug, "[{Address}] channel {Channel}: TLS started ({Protocol})")]
    public static partial void TlsStarted(ILogger logger, IPAddress address, int channel, string protocol);

    [LoggerMessage(3005, LogLevel.Warning, "[{Address}] login as {User} failed ({Reason}); answered after {Delay} ms")]
    public static partial void LoginFailed(ILogger logger, IPAddress address, string user, string reason, long delay);

    [LoggerMessage(3006, LogLevel.Warning, "[{Address}] login as {User} refused: the address is locked out after repeated failures")]
    public static partial void LoginLockedOut(ILogger logger, IPAddress address, string user);

    [LoggerMessage(3007, LogLevel.Warning, "[{Address}] login as {User} refused: {Reason}")]
    public static partial void LoginRefused(ILogger logger, IPAddress address, string user, string reason);

    [LoggerMessage(3010, LogLevel.Debug, "[{Address}] channel {Channel} inp: {Request}")]
    public static partial void ChannelRequest(ILogger logger, IPAddress address, int channel, object request);

    [LoggerMessage(3011, LogLevel.Warning, "[{Address}] channel {Channel}: {Problem}")]
    public static partial void ChannelProblem(ILogger logger, IPAddress address, int channel, string problem);

    [LoggerMessage(3012, LogLevel.Error, "[{Address}] channel {Channel} failed")]
    public static partial void ChannelFailed(ILogger logger, Exception exception, IPAddress address, int channel);

    [LoggerMessage(3014, LogLevel.Debug, "[{Address}] channel {Channel} closed by the server: {Reason}")]
    public static partial void ChannelClosing(ILogger logger, IPAddress address, int channel, string reason);

    // ── Sessions (XIMSS-nnnnn) ──────────────────────────────────────────────────────────────────

    [LoggerMessage(3050, LogLevel.Information, "[{Address}] {Account} logged in over {Transport}, session {Session}")]
    public static partial void LoggedIn(ILogger logger, IPAddress address, string account, string transport, string session);

    [LoggerMessage(3051, LogLevel.Information, "session ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, string reason);

    [LoggerMessage(3052, LogLevel.Debug, "inp: {Request}")]
    public static partial void Request(ILogger logger, object request);

    [LoggerMessage(3053, LogLevel.Trace, "out: {Text}")]
    public static partial void Output(ILogger logger, string text);

    [LoggerMessage(3054, LogLevel.Warning, "{Operation} failed: {Error}")]
    public static partial void RequestFailed(ILogger logger, string operation, string error);

    [LoggerMessage(3055, LogLevel.Error, "{Operation} failed on a server fault")]
    public static partial void OperationFault(ILogger logger, Exception exception, string operation);

    [LoggerMessage(3056, LogLevel.Information, "password changed")]
    public static partial void PasswordChanged(ILogger logger);

    [LoggerMessage(3057, LogLevel.Warning, "HTTP request refused: {Problem}")]
    public static partial void HttpProblem(ILogger logger, string problem);

    [LoggerMessage(3058, LogLevel.Debug, "client name: {Name}")]
    public static partial void ClientNamed(ILogger logger, string name);
}
