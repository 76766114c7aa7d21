namespace Postern.Ximss.Mail;

/// <summary>Caps on <c>messageRedirect</c> and <c>messageForward</c>.</summary>
internal static class MessageResends
{
    /// <summary>
    /// Messages one request may re-send: each is a separate message to every recipient, so 100 (a screenful
    /// of a folder, selected) bounds one request to 100 sends.
    /// </summary>
    public const int MaxMessages = 100;
}
