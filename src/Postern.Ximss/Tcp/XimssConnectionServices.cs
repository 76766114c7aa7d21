using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postern.Sessions;
using Postern.Ximss.Engine;

namespace Postern.Ximss.Tcp;

/// <summary>What every TCP channel needs, gathered once.</summary>
internal sealed class XimssConnectionServices(
    XimssDispatcher dispatcher, XimssOptions options, SessionRegistry registry, ServerCertificate certificate, TimeProvider time,
    IHostApplicationLifetime lifetime, ILoggerFactory loggers)
{
    public XimssDispatcher Dispatcher { get; } = dispatcher;

    public XimssOptions Options { get; } = options;

    public SessionRegistry Registry { get; } = registry;

    public ServerCertificate Certificate { get; } = certificate;

    public TimeProvider Time { get; } = time;

    /// <summary>Cancelled when the server begins to stop: every channel then says <c>&lt;bye/&gt;</c> and closes.</summary>
    public CancellationToken Stopping { get; } = lifetime.ApplicationStopping;

    public ILogger ListenerLog { get; } = loggers.CreateLogger(XimssLog.ListenerCategory);
}
