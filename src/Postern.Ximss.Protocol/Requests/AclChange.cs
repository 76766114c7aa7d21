namespace Postern.Ximss.Protocol.Requests;

/// <summary>One <c>aclEntry</c> of a <see cref="MailboxAclUpdateRequest"/>.</summary>
/// <param name="Identifier">Whom the entry is for: an account name, <c>anyone</c>, or a group.</param>
/// <param name="Mode">What to do with <paramref name="Rights"/>.</param>
/// <param name="Rights">Rights letters (RFC 4314 §2.1), without the <c>+</c>/<c>-</c> prefix.</param>
public sealed record AclChange(string Identifier, AclChangeMode Mode, string Rights);
