namespace Postern.Ximss;

/// <summary>How the XIMSS module behaves (configuration section <c>Postern:Ximss</c>).</summary>
public sealed class XimssOptions
{
    /// <summary>
    /// The user-interface languages <c>listFeatures</c> offers (<c>&lt;language&gt;</c>), as CommuniGate
    /// names them. English is the language every stock skin has.
    /// </summary>
    public IList<string> Languages { get; set; } = ["english"];

    /// <summary>The server name in CRAM-MD5 challenges (RFC 2195 §2); the machine's host name when empty.</summary>
    public string ServerName { get; set; } = "";

    /// <summary>The caps on connections, sessions and waits.</summary>
    public XimssServerLimits Limits { get; set; } = new();

    /// <summary>How failed logins from one address are slowed down and locked out.</summary>
    public LoginThrottleLimits LoginThrottle { get; set; } = new();
}
