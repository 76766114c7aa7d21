namespace Postern.Ximss.Protocol.Requests;

/// <summary>When in a session's life an operation may be used.</summary>
public enum RequestPhase
{
    /// <summary>Only before authentication: <c>login</c>, <c>authenticate</c>, <c>auth</c>, <c>starttls</c>, <c>signup</c>, <c>recoverPassword</c>.</summary>
    BeforeLogin,

    /// <summary>Only once authenticated: every mailbox, folder, message and session-settings operation.</summary>
    AfterLogin,

    /// <summary>At any time: <c>listFeatures</c>, <c>noop</c>, <c>bye</c>.</summary>
    Any,
}
