using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Postern.Sessions;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Xml;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Http;

/// <summary>
/// The HTTP binding's session resources, <c>/Session/&lt;id&gt;/…</c> of a XIMSS session (seed, "HTTP
/// Synchronous/Asynchronous Communications"; docs/ximss.md §2). The server's session route has already
/// found the session and checked the client's address.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A body to <c>sync</c> (or <c>get</c>, or the bare session URL) runs its requests and returns their
/// data messages and responses in order; with <c>syncAsync=1</c> pending asynchronous messages follow them.</item>
/// <item>A body to <c>async</c> runs its requests and queues everything they produce as asynchronous
/// messages; the reply is empty.</item>
/// <item>A request without a body to any of them is a long poll (<see cref="PollAsync"/>).</item>
/// <item><c>KILL</c> ends the session.</item>
/// </list>
/// A session created over TCP answers <c>sync</c>, <c>async</c> (its messages go down the TCP connection)
/// and <c>KILL</c>; it has no poll queue, so a poll is refused with 409.
/// </remarks>
public sealed class XimssSessionEndpoint
{
    // A poll that found nothing: an empty container without attributes (seed).
    private static readonly byte[] s_nothing = "<XIMSS/>"u8.ToArray();

    private readonly XimssDispatcher _dispatcher;
    private readonly SessionRegistry _registry;
    private readonly XimssServerLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Dictionary<string, IXimssSessionResource> _resources;

    internal XimssSessionEndpoint(XimssDispatcher dispatcher, SessionRegistry registry, XimssOptions options, TimeProvider time,
        IEnumerable<IXimssSessionResource> resources, ILoggerFactory loggers)
    {
        _dispatcher = dispatcher;
        _registry = registry;
        _limits = options.Limits;
        _time = time;
        _log = loggers.CreateLogger(XimssLog.SessionCategory);
        _resources = resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <param name="context">The request.</param>
    /// <param name="session">The session the URL names.</param>
    /// <param name="resource">The URL after <c>/Session/&lt;id&gt;/</c>.</param>
    public async Task HandleAsync(HttpContext context, XimssSession session, string resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        using var scope = _log.BeginScope(session.LogScope);
        var cancellationToken = context.RequestAborted;
        session.Touch();
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? resource : resource[..slash];
        if (name.Equals("KILL", StringComparison.OrdinalIgnoreCase))
        {
            _registry.End(session, SessionEndReason.Logout);
            HttpMessages.WriteEmpty(context.Response);
            return;
        }
        if (name.Length > 0 && !name.Equals("sync", StringComparison.OrdinalIgnoreCase) && !name.Equals("async", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("get", StringComparison.OrdinalIgnoreCase))
        {
            if (_resources.TryGetValue(name, out var other))
                await other.HandleAsync(context, session, slash < 0 ? "" : resource[(slash + 1)..], cancellationToken);
            else
                await HttpMessages.WriteStatusAsync(context.Response, StatusCodes.Status404NotFound, "no such session resource", cancellationToken);
            return;
        }

        var body = await HttpMessages.ReadBodyAsync(context.Request, XimssLimits.Default.MaxFrameBytes, cancellationToken);
        if (body is null)
            await HttpMessages.WriteStatusAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "the body is too large", cancellationToken);
        else if (!HttpMessages.HasContent(body))
            await PollAsync(context, session, cancellationToken);
        else
            await PostAsync(context, session, body, asynchronous: name.Equals("async", StringComparison.OrdinalIgnoreCase), cancellationToken);
    }

    private async Task PostAsync(HttpContext context, XimssSession session, byte[] body, bool asynchronous, CancellationToken cancellationToken)
    {
        var response = context.Response;
        if (!XimssContainer.TryParse(new System.Buffers.ReadOnlySequence<byte>(body), out var container, out var error))
        {
            await HttpMessages.WriteErrorAsync(response, error, cancellationToken);
            return;
        }
        if (!HttpMessages.TryGetNumber(context.Request.Query, "reqSeq", out var urlSequence))
        {
            await HttpMessages.WriteErrorAsync(response, XimssError.InvalidAttribute("reqSeq", "expected a number"), cancellationToken);
            return;
        }
        var sequence = urlSequence ?? container.RequestSequence;
        var appendAsync = HttpMessages.IsSet(context.Request.Query["syncAsync"]);
        var channel = new XimssChannel(XimssTransport.Http, context.Connection.RemoteIpAddress ?? IPAddress.None, _time.GetUtcNow())
        {
            Session = session,
            IsSecure = context.Request.IsHttps,
        };

        // The whole batch runs as one unit of the session's queue, so batches never interleave. It runs to
        // its end even if the client goes away, so that a resend with the same reqSeq gets its reply.
        var reply = await session.Requests.RunAsync(async () =>
        {
            switch (session.Sequence.Check(sequence))
            {
                case SequenceVerdict.Replay:
                    return session.Sequence.LastReply;
                case SequenceVerdict.OutOfOrder:
                    XimssLog.HttpProblem(_log, $"reqSeq {sequence} after {session.Sequence.LastNumber}");
                    return null;
            }

            var result = asynchronous
                ? await RunAsynchronousAsync(channel, container, session.Ended)
                : await RunSynchronousAsync(channel, container, appendAsync, session.Ended);
            if (sequence is { } number)
                session.Sequence.Record(number, result);
            return result;
        });

        if (reply is null)
            await HttpMessages.WriteErrorAsync(response, XimssError.RequestSequence, cancellationToken);
        else if (asynchronous)
            HttpMessages.WriteEmpty(response);
        else
            await HttpMessages.WriteXmlAsync(response, reply, cancellationToken);
    }

    private async Task<byte[]> RunSynchronousAsync(XimssChannel channel, XimssContainer container, bool appendAsync, CancellationToken cancellationToken)
    {
        using var output = new XimssOutput(terminateMessages: false);
        output.Writer.WriteStartContainer();
        await RunRequestsAsync(channel, container, output, cancellationToken);
        // syncAsync=1: a client without a poll channel gets its asynchronous messages here (docs/ximss.md §2).
        if (appendAsync && channel.Session!.Http is { } http)
            output.Writer.WriteRaw(http.Queue.TakePending());
        output.Writer.WriteEndElement();
        return output.Written.ToArray();
    }

    private async Task<byte[]> RunAsynchronousAsync(XimssChannel channel, XimssContainer container, CancellationToken cancellationToken)
    {
        using var output = new XimssOutput(terminateMessages: true);
        await RunRequestsAsync(channel, container, output, cancellationToken);
        channel.Session!.Deliver(output.Written.Span);
        return [];
    }

    private async Task RunRequestsAsync(XimssChannel channel, XimssContainer container, XimssOutput output, CancellationToken cancellationToken)
    {
        foreach (var element in container.Requests)
        {
            await _dispatcher.ExecuteAsync(channel, element, output, cancellationToken);
            // After bye the session is over: later requests in the batch have nothing to run in.
            if (channel.FollowUp == ChannelFollowUp.Close)
                break;
        }
    }

    /// <summary>
    /// A long poll (<c>GET …/get?ackSeq=A&amp;maxWait=S</c>, or any body-less request). Its outcomes:
    /// <list type="number">
    /// <item>The session has no poll queue (it belongs to a TCP connection): 409.</item>
    /// <item>A batch the client has not acknowledged is kept: it is sent again at once.</item>
    /// <item>Messages are pending: they are sent at once as the next batch, <c>&lt;XIMSS respSeq="N"&gt;</c>.</item>
    /// <item>Nothing is pending: the poll parks until messages arrive (→ a new batch), <c>maxWait</c> passes
    /// (→ <c>&lt;XIMSS/&gt;</c>), a newer poll of the session replaces it (→ <c>&lt;XIMSS/&gt;</c>), the session ends
    /// (→ 550), or the client goes away (→ nothing is sent).</item>
    /// </list>
    /// </summary>
    private async Task PollAsync(HttpContext context, XimssSession session, CancellationToken cancellationToken)
    {
        var response = context.Response;
        var query = context.Request.Query;
        if (session.Http is not { } http)
        {
            await HttpMessages.WriteStatusAsync(response, StatusCodes.Status409Conflict,
                "this session's asynchronous messages go to its TCP connection", cancellationToken);
            return;
        }
        if (!HttpMessages.TryGetNumber(query, "ackSeq", out var acknowledged) || !HttpMessages.TryGetNumber(query, "maxWait", out var maxWait))
        {
            await HttpMessages.WriteStatusAsync(response, StatusCodes.Status400BadRequest, "ackSeq and maxWait must be numbers", cancellationToken);
            return;
        }

        var start = http.Queue.Poll(acknowledged);
        if (start.IsEnded)
        {
            response.StatusCode = HttpMessages.SessionGone;
            return;
        }
        if (start.Batch is { } ready)
        {
            await HttpMessages.WriteXmlAsync(response, ready, cancellationToken);
            return;
        }

        var wait = maxWait is { } seconds ? TimeSpan.FromSeconds(Math.Min(seconds, (long)_limits.MaxPollWait.TotalSeconds)) : _limits.DefaultPollWait;
        // A poll counts as use when it ends: waiting at most half the idle timeout, it never lets its session expire meanwhile.
        if (wait > session.IdleTimeout / 2)
            wait = session.IdleTimeout / 2;
        var waiter = start.Waiter!;
        PollWake wake;
        session.Activity.State = "polling";
        try
        {
            wake = wait == TimeSpan.Zero ? PollWake.Replaced : await waiter.Task.WaitAsync(wait, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            wake = PollWake.Replaced;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            http.Queue.CancelWait(waiter);
            session.Activity.State = null;
            // A parked poll is a client at work: the session's idle time counts from its end.
            session.Touch();
        }

        if (wake == PollWake.Ended)
            response.StatusCode = HttpMessages.SessionGone;
        else if (wake == PollWake.Messages && http.Queue.TakeBatch() is { } batch)
            await HttpMessages.WriteXmlAsync(response, batch, cancellationToken);
        else
            await HttpMessages.WriteXmlAsync(response, s_nothing, cancellationToken);
    }
}
