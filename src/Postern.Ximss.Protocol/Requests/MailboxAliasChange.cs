namespace Postern.Ximss.Protocol.Requests;

/// <summary>One line of a <see cref="MailboxAliasUpdateRequest"/>: point <see cref="Alias"/> at <see cref="Mailbox"/>, or remove it when that is null.</summary>
public sealed record MailboxAliasChange(string Alias, string? Mailbox);
