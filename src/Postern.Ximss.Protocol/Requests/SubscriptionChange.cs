namespace Postern.Ximss.Protocol.Requests;

/// <summary>One line of a <see cref="MailboxSubUpdateRequest"/>: subscribe to (<see cref="Subscribe"/>) or drop a mailbox name.</summary>
public sealed record SubscriptionChange(string Mailbox, bool Subscribe);
