namespace Postern.Ximss.Protocol.Sasl;

/// <summary>What a finished SASL exchange proves the client claims; the account service checks it.</summary>
/// <param name="UserName">The authentication identity (the account name the client logs in as).</param>
public abstract record SaslCredentials(string UserName);
