using Microsoft.Extensions.Logging;
using Postern.Ximss.Monitoring;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Engine;

/// <summary>
/// The one place every XIMSS request goes through, whatever carried it: the state gate (pre-login or
/// session, in the codec's parser), the handler lookup, the final <c>&lt;response&gt;</c>, metrics,
/// the monitor's status, protocol logging, and the request boundary for faults.
/// </summary>
/// <remarks>
/// The caller serialises: a TCP connection runs its frames one after another, and a session's requests
/// run inside <see cref="Sessions.XimssSession.Requests"/>. The dispatcher itself never queues.
/// </remarks>
public sealed class XimssDispatcher
{
    private readonly XimssOperationTable _operations;
    private readonly XimssMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _listenerLog;
    private readonly ILogger _sessionLog;

    public XimssDispatcher(XimssOperationTable operations, XimssMetrics metrics, TimeProvider time, ILoggerFactory loggers)
    {
        _operations = operations;
        _metrics = metrics;
        _time = time;
        _listenerLog = loggers.CreateLogger(XimssLog.ListenerCategory);
        _sessionLog = loggers.CreateLogger(XimssLog.SessionCategory);
    }

    /// <summary>Parses and runs one request element, writing its data messages and final response to <paramref name="output"/>.</summary>
    public Task ExecuteAsync(XimssChannel channel, XimssElement element, XimssOutput output, CancellationToken cancellationToken)
    {
        var parsed = XimssRequestParser.Parse(element, channel.Session is not null);
        if (parsed.Succeeded)
            return ExecuteAsync(channel, parsed.Request, output, cancellationToken);

        Reject(channel, element.Name, parsed.Id, parsed.Error, output);
        return Task.CompletedTask;
    }

    /// <summary>Answers a request that could not be read (bad XML, no id, unknown operation, wrong state, bad attribute).</summary>
    public void Reject(XimssChannel channel, string what, string? id, XimssError error, XimssOutput output)
    {
        var logger = channel.Session is null ? _listenerLog : _sessionLog;
        if (logger.IsEnabled(LogLevel.Debug))
            XimssLog.RequestFailed(logger, what, $"{error.Number} {error.Text}");
        output.Writer.WriteResponse(id, error);
        LogOutput(channel, output, 0);
    }

    /// <summary>Runs a parsed request (the state gate has passed).</summary>
    public async Task ExecuteAsync(XimssChannel channel, XimssRequest request, XimssOutput output, CancellationToken cancellationToken)
    {
        var session = channel.Session;
        var logger = session is null ? _listenerLog : _sessionLog;
        using var scope = session is null ? null : logger.BeginScope(session.LogScope);
        if (session is null)
            XimssLog.ChannelRequest(logger, channel.RemoteAddress, channel.Number, request);
        else
        {
            session.Touch();
            XimssLog.Request(logger, request);
        }

        var operation = OperationName(request);
        var activity = session?.Activity ?? channel.Activity;
        var mark = output.WrittenCount;
        var flushes = output.FlushCount;
        activity.Begin(operation, _time.GetUtcNow());
        _metrics.OperationRun(operation);
        XimssResult result;
        try
        {
            var handler = _operations.Find(request);
            // An operation the codec knows but this server does not implement is, to the client, unknown (CGP XMLAPI).
            result = handler is null
                ? XimssError.UnknownCommand
                : await handler.RunAsync(request, new XimssRequestContext(channel, output), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The request boundary (DESIGN.md, error handling): log the fault, answer 590, keep the session.
            XimssLog.OperationFault(logger, e, operation);
            CloseOpenMessages(output, output.FlushCount == flushes ? mark : -1);
            result = XimssError.ServerFailure;
        }
        finally
        {
            activity.End();
        }

        if (result.Error is { } error && logger.IsEnabled(LogLevel.Debug))
            XimssLog.RequestFailed(logger, operation, $"{error.Number} {error.Text}");
        if (!result.Deferred)
            output.Writer.WriteResponse(request.Id, result.Error);
        LogOutput(channel, output, output.FlushCount == flushes ? mark : 0);
    }

    private static string OperationName(XimssRequest request)
    {
        var name = request.GetType().Name;
        var operation = name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
        return char.ToLowerInvariant(operation[0]) + operation[1..];
    }

    // A handler that threw half-way may have left its last message open: drop what it wrote, or, when
    // part of it is already sent (mark -1), close what is left open.
    private static void CloseOpenMessages(XimssOutput output, int mark)
    {
        if (mark >= 0)
        {
            output.Truncate(mark);
            return;
        }
        while (output.Writer.Depth > 0)
            output.Writer.WriteEndElement();
    }

    private void LogOutput(XimssChannel channel, XimssOutput output, int from)
    {
        var logger = channel.Session is null ? _listenerLog : _sessionLog;
        if (!logger.IsEnabled(LogLevel.Trace) || output.WrittenCount <= from)
            return;
        var text = System.Text.Encoding.UTF8.GetString(output.Written.Span[from..]).Replace('\0', ' ').TrimEnd();
        // A session id's secret never reaches the log (docs/ximss.md §11.7).
        if (channel.Session is not { } session)
        {
            XimssLog.Output(logger, text);
            return;
        }
        // A login's answer is the session's first record.
        using var scope = logger.BeginScope(session.LogScope);
        XimssLog.Output(logger, text.Replace(session.Id, session.MaskedId, StringComparison.Ordinal));
    }
}
