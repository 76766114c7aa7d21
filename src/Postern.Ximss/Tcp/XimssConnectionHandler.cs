using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Postern.Ximss.Engine;
using Postern.Ximss.Monitoring;
using Postern.Ximss.Protocol.DataMessages;

namespace Postern.Ximss.Tcp;

/// <summary>
/// Kestrel's terminal handler for XIMSS connections: the XIMSS ports, and connections to the HTTP port
/// whose first byte is <c>&lt;</c> (<see cref="XimssFirstByteMiddleware"/>).
/// </summary>
/// <remarks>
/// A connection over a channel limit is answered with one error response (no <c>id</c>) and closed, so
/// the client can tell it to retry later (CGP Guide, XIMSS module, "Maximum Number of Channels").
/// </remarks>
public sealed class XimssConnectionHandler : ConnectionHandler
{
    private readonly XimssConnectionServices _services;
    private readonly ChannelAdmission _admission;
    private readonly XimssChannelRegistry _channels;
    private readonly XimssMetrics _metrics;

    internal XimssConnectionHandler(XimssConnectionServices services, ChannelAdmission admission, XimssChannelRegistry channels, XimssMetrics metrics)
    {
        _services = services;
        _admission = admission;
        _channels = channels;
        _metrics = metrics;
    }

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        if (_admission.TryAdmit(address) is { } refusal)
        {
            _metrics.ChannelRefused();
            XimssLog.ChannelRefused(_services.ListenerLog, address, refusal.Text);
            using var output = new XimssOutput(terminateMessages: true);
            output.Writer.WriteResponse(null, refusal);
            await connection.Transport.Output.WriteAsync(output.Written);
            return;
        }

        var secure = connection.Features.Get<ITlsHandshakeFeature>() is not null;
        var channel = new XimssChannel(XimssTransport.Tcp, address, _services.Time.GetUtcNow(), _channels.NextNumber())
        {
            IsSecure = secure,
            CanStartTls = !secure && _services.Certificate.Certificate is not null,
        };
        _channels.Add(channel);
        _metrics.ChannelOpened();
        XimssLog.ChannelAccepted(_services.ListenerLog, address, channel.Number, secure ? " over TLS" : "");
        try
        {
            await new XimssTcpConnection(connection, channel, _services).RunAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The connection boundary: a fault ends this channel (and its session), never the listener.
            XimssLog.ChannelFailed(_services.ListenerLog, e, address, channel.Number);
        }
        finally
        {
            _channels.Remove(channel);
            _metrics.ChannelClosed();
            _admission.Release(address);
            XimssLog.ChannelClosed(_services.ListenerLog, address, channel.Number);
        }
    }
}
