using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Postern.Sessions;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Framing;
using Postern.Ximss.Protocol.Xml;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Tcp;

/// <summary>
/// One XIMSS TCP channel, from its first byte to its close: frames in, requests run in order, responses
/// and asynchronous messages out (docs/ximss.md §1).
/// </summary>
/// <remarks>
/// The loop reads whatever bytes have arrived, runs every complete frame among them, and sends their
/// answers together. It wakes for a read that the server cancels: the pre-login idle timer, the end of
/// the session (idle expiry, <c>KILL</c>, server shutdown), or the client leaving too much unread.
/// </remarks>
internal sealed class XimssTcpConnection
{
    // How long the last words (a <bye/>) may take to leave before the connection is closed anyway.
    private static readonly TimeSpan s_closeGrace = TimeSpan.FromSeconds(5);

    // Answers left unsent above which the channel reads no further until they leave: a quarter of the
    // largest frame, so a pipelining client that does not read holds a bounded amount, well below
    // XimssServerLimits.MaxUnsentBytes, where it is cut off.
    private const int ReadPauseBytes = 1 << 20;

    private readonly ConnectionContext _connection;
    private readonly XimssChannel _channel;
    private readonly XimssConnectionServices _services;
    private readonly TcpOutbox _outbox;
    private readonly ILogger _log;
    private PipeReader _input;
    private SslStream? _tls;
    private XimssFrameReader _frames = new();
    private volatile string? _closing;

    public XimssTcpConnection(ConnectionContext connection, XimssChannel channel, XimssConnectionServices services)
    {
        _connection = connection;
        _channel = channel;
        _services = services;
        _log = services.ListenerLog;
        _input = connection.Transport.Input;
        _outbox = new TcpOutbox(connection.Transport.Output, services.Options.Limits.MaxUnsentBytes, () => Close("the client stopped reading"));
        _channel.AsyncSink = _outbox;
    }

    public async Task RunAsync()
    {
        var limits = _services.Options.Limits;
        using var idle = _services.Time.CreateTimer(_ => Close("idle before login"), null, limits.PreLoginIdleTimeout, Timeout.InfiniteTimeSpan);
        using var stopping = _services.Stopping.Register(() => Close("the server is stopping"));
        CancellationTokenRegistration sessionEnd = default;
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync();
                if (result.IsCanceled && _closing is not null)
                {
                    await SayByeAsync();
                    return;
                }

                var buffer = result.Buffer;
                var followUp = await RunFramesAsync(buffer, idle);
                if (sessionEnd == default && _channel.Session is { } session)
                {
                    // Logged in: the session's own idle timeout (checked by the registry) governs from now on.
                    idle.Dispose();
                    sessionEnd = session.Ended.Register(() => Close("session ended: " + session.EndReason));
                }

                if (followUp == ChannelFollowUp.Close)
                {
                    _input.AdvanceTo(buffer.End);
                    await _outbox.DrainAsync().WaitAsync(s_closeGrace);
                    return;
                }
                if (followUp == ChannelFollowUp.StartTls)
                {
                    // The client may send nothing more in clear text; anything it did is dropped (as RFC 3207 §4.2 has SMTP do).
                    _input.AdvanceTo(buffer.End);
                    if (!await StartTlsAsync())
                        return;
                    continue;
                }

                if (result.IsCompleted)
                    return;
                // A client that pipelines without reading waits here instead of growing the queue.
                if (_outbox.Unsent > ReadPauseBytes)
                    await _outbox.DrainAsync();
            }
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or ConnectionAbortedException or TimeoutException)
        {
            XimssLog.ChannelProblem(_log, _channel.RemoteAddress, _channel.Number, e.Message);
        }
        finally
        {
            await sessionEnd.DisposeAsync();
            if (_channel.Session is { HasEnded: false } session)
                _services.Registry.End(session, SessionEndReason.Disconnected);
            if (_tls is not null)
                await _tls.DisposeAsync();
        }
    }

    /// <summary>Runs the complete frames in <paramref name="buffer"/>, sends their answers, and advances the input past them.</summary>
    private async Task<ChannelFollowUp> RunFramesAsync(ReadOnlySequence<byte> buffer, ITimer idle)
    {
        var dispatcher = _services.Dispatcher;
        using var output = new XimssOutput(terminateMessages: true, SendAsync);
        var remaining = buffer;
        while (NextFrame(ref remaining, out var element, out var error, out var isPolicyRequest))
        {
            if (_channel.Session is null)
                idle.Change(_services.Options.Limits.PreLoginIdleTimeout, Timeout.InfiniteTimeSpan);
            if (error is not null)
                dispatcher.Reject(_channel, "frame", null, error, output);
            else if (isPolicyRequest)
                output.Writer.WriteRaw(FlashPolicy.Response); // CGP Guide, XIMSS module, "Flash Security"; already zero-terminated.
            else if (_channel.Session is { } session)
                await session.Requests.RunAsync(() => dispatcher.ExecuteAsync(_channel, element!, output, CancellationToken.None));
            else
                await dispatcher.ExecuteAsync(_channel, element!, output, CancellationToken.None);

            if (_channel.FollowUp != ChannelFollowUp.None)
                break;
        }

        var followUp = _channel.FollowUp;
        _channel.FollowUp = ChannelFollowUp.None;
        _outbox.Send(output.Written.Span);
        if (followUp == ChannelFollowUp.None)
            _input.AdvanceTo(remaining.Start, buffer.End);
        return followUp;
    }

    /// <summary>
    /// Takes the next frame off <paramref name="remaining"/> and parses it (before any await, while its
    /// bytes are still there). False when no complete frame is left.
    /// </summary>
    private bool NextFrame(ref ReadOnlySequence<byte> remaining, out XimssElement? element, out XimssError? error, out bool isPolicyRequest)
    {
        element = null;
        isPolicyRequest = false;
        var reader = new SequenceReader<byte>(remaining);
        var status = _frames.TryRead(ref reader, out var frame, out error);
        remaining = remaining.Slice(reader.Position);
        if (status == FrameStatus.NeedMoreData)
            return false;
        if (status == FrameStatus.Frame)
        {
            isPolicyRequest = frame.IsFlashPolicyRequest;
            if (!isPolicyRequest && !XimssXmlParser.TryParse(frame.Payload, out element, out error))
                element = null;
        }
        return true;
    }

    private ValueTask SendAsync(ReadOnlyMemory<byte> messages, CancellationToken cancellationToken)
    {
        _outbox.Send(messages.Span);
        return new ValueTask(_outbox.DrainAsync());
    }

    private async Task<bool> StartTlsAsync()
    {
        var certificate = _services.Certificate.Certificate!;
        await _outbox.DrainAsync();
        var transport = _connection.Transport;
        _tls = new SslStream(new DuplexStream(transport.Input.AsStream(leaveOpen: true), transport.Output.AsStream(leaveOpen: true)), leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(_services.Options.Limits.TlsHandshakeTimeout, _services.Time);
        try
        {
            await _tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, timeout.Token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            XimssLog.TlsFailed(_log, _channel.RemoteAddress, _channel.Number, e.Message);
            return false;
        }

        var output = PipeWriter.Create(_tls, new StreamPipeWriterOptions(leaveOpen: true));
        _outbox.Retarget(output);
        _input = PipeReader.Create(_tls, new StreamPipeReaderOptions(leaveOpen: true));
        _frames = new XimssFrameReader();
        _channel.IsSecure = true;
        XimssLog.TlsStarted(_log, _channel.RemoteAddress, _channel.Number, _tls.SslProtocol.ToString());
        // A close requested during the handshake must reach the new reader.
        if (_closing is not null)
            _input.CancelPendingRead();
        return true;
    }

    /// <summary>Makes the loop stop at its next read (any thread).</summary>
    private void Close(string reason)
    {
        _closing ??= reason;
        _input.CancelPendingRead();
    }

    // The server ended the session or the channel: a <bye/> without id says so (docs/ximss.md §1).
    private async Task SayByeAsync()
    {
        XimssLog.ChannelClosing(_log, _channel.RemoteAddress, _channel.Number, _closing!);
        using var bye = new XimssOutput(terminateMessages: true);
        bye.Writer.WriteBye();
        _outbox.Send(bye.Written.Span);
        await _outbox.DrainAsync().WaitAsync(s_closeGrace);
    }
}
