namespace Postern.Ximss;

/// <summary>How the XIMSS module behaves (configuration section <c>Postern:Ximss</c>).</summary>
public sealed class XimssOptions
{
    /// <summary>
    /// The user-interface languages <c>listFeatures</c> offers (<c>&lt;language&gt;</c>), as CommuniGate
    /// names them; none configured means <see cref="DefaultLanguages"/>.
    /// </summary>
    /// <remarks>Empty by default because configuration binding adds to a list rather than replacing it.</remarks>
    public IList<string> Languages { get; set; } = [];

    /// <summary>English: the language every stock skin has.</summary>
    public static IReadOnlyList<string> DefaultLanguages { get; } = ["english"];

    /// <summary>The languages to offer.</summary>
    public IReadOnlyList<string> OfferedLanguages => Languages.Count == 0 ? DefaultLanguages : [.. Languages];

    /// <summary>The server name in CRAM-MD5 challenges (RFC 2195 §2); the machine's host name when empty.</summary>
    public string ServerName { get; set; } = "";

    /// <summary>The caps on connections, sessions and waits.</summary>
    public XimssServerLimits Limits { get; set; } = new();
}
