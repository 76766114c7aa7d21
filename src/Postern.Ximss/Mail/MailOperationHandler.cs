using Postern.Mail;
using Postern.Mime.Xml;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Mail;

/// <summary>
/// The handler of a mail operation: runs with the session's <see cref="MailSession"/>, and turns the mail
/// services' refusals into XIMSS errors (<see cref="MailErrors"/>), dropping any message it had written.
/// </summary>
internal abstract class MailOperationHandler<TRequest>(MailSessions sessions) : XimssOperationHandler<TRequest>
    where TRequest : XimssRequest
{
    protected MailSessions Sessions { get; } = sessions;

    public sealed override async ValueTask<XimssResult> ExecuteAsync(TRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var mark = output.WrittenCount;
        var flushes = output.FlushCount;
        try
        {
            var mail = await Sessions.GetAsync(context.RequiredSession, cancellationToken);
            return await ExecuteAsync(request, context, mail, cancellationToken);
        }
        catch (MailException e)
        {
            return Refuse(output, mark, flushes, MailErrors.From(e));
        }
        catch (EmailXmlException e)
        {
            return Refuse(output, mark, flushes, MailErrors.From(e));
        }
    }

    /// <summary>Runs the request for the session's mail state.</summary>
    protected abstract Task<XimssResult> ExecuteAsync(TRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken);

    /// <summary>The open folder of that name, or null (answer <see cref="XimssError.FolderNotOpen"/>, docs/ximss.md §5.4).</summary>
    protected static OpenFolder? FindFolder(MailSession mail, string name) => mail.TryGetFolder(name, out var folder) ? folder : null;

    // A refusal answers the request alone: messages written before it (unless already sent) are dropped.
    private static XimssResult Refuse(XimssOutput output, int mark, int flushes, XimssError error)
    {
        if (output.FlushCount == flushes)
            output.Truncate(mark);
        return error;
    }
}
