using Postern.Mail;
using Postern.Mime.Xml;
using Postern.Ximss.Protocol;

namespace Postern.Ximss.Mail;

/// <summary>
/// Failures of the mail services as XIMSS errors: the number from Postern's table (docs/ximss.md §9,
/// docs/mail.md "Errors"), the text the service's message, which names the mailbox, message, part or
/// address concerned.
/// </summary>
internal static class MailErrors
{
    public static XimssError From(MailException exception) => new(NumberOf(exception.Code), exception.Message);

    /// <summary>An <c>&lt;EMail&gt;</c> the reader refused: its reason says what is wrong with it.</summary>
    public static XimssError From(EmailXmlException exception) =>
        new(XimssError.IllegalMessage.Number, XimssError.IllegalMessage.Text + ": " + exception.Message);

    private static int NumberOf(MailErrorCode code) => code switch
    {
        MailErrorCode.UnknownMailbox => XimssError.UnknownMailbox.Number,
        MailErrorCode.MailboxExists => XimssError.MailboxExists.Number,
        MailErrorCode.MessageNotFound => XimssError.MessageNotFound.Number,
        MailErrorCode.AccessDenied => XimssError.AccessDenied.Number,
        MailErrorCode.HasSubMailboxes => XimssError.MailboxHasChildren.Number,
        MailErrorCode.IllegalMailboxName => XimssError.IllegalMailboxName.Number,
        MailErrorCode.PartNotFound => XimssError.PartNotFound.Number,
        MailErrorCode.NoRecipients => XimssError.NoRecipients.Number,
        MailErrorCode.InvalidAddress or MailErrorCode.UnknownRecipient => XimssError.InvalidAddress("").Number,
        MailErrorCode.MessageTooLarge => XimssError.MessageTooLarge.Number,
        MailErrorCode.IllegalMessageData => XimssError.IllegalMessage.Number,
        // A request the service cannot do as asked: the attribute-value error of the table.
        _ => XimssError.InvalidAttribute("").Number,
    };
}
