namespace Postern.Ximss.Protocol.Requests;

/// <summary>Which request shape started a SASL exchange (docs/ximss.md §6).</summary>
public enum AuthenticateForm
{
    /// <summary><c>&lt;authenticate id method/&gt;</c>, the form of the CGP reference.</summary>
    Authenticate,

    /// <summary><c>&lt;login id method/&gt;</c>, the form of the CGP Flash library.</summary>
    LoginMethod,
}
