namespace Postern.Ximss.Protocol.Sasl;

/// <summary>The SASL mechanisms Postern offers on XIMSS (advertised as <c>&lt;sasl&gt;</c> in <c>features</c>, docs/ximss.md §6).</summary>
public enum SaslMechanism
{
    /// <summary><c>PLAIN</c> (RFC 4616): authorisation id, user name and password in one message.</summary>
    Plain,

    /// <summary><c>LOGIN</c> (draft-murchison-sasl-login): user name, then password, each prompted for.</summary>
    Login,

    /// <summary><c>CRAM-MD5</c> (RFC 2195): an HMAC-MD5 of a server challenge keyed with the password.</summary>
    CramMd5,
}
