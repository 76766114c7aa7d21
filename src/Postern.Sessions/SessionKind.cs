namespace Postern.Sessions;

/// <summary>Which module owns a session; both share the <c>/Session/&lt;id&gt;/</c> URL space.</summary>
public enum SessionKind
{
    Ximss,
    WebUser,
}
