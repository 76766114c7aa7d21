namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>One line of a <c>mailboxAcl</c> data message: whom it is for and their rights letters (RFC 4314 §2.1).</summary>
public sealed record AclEntry(string Identifier, string Rights);
