namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>The contents of a <c>session</c> data message, sent after a successful login (docs/ximss.md §6, §7.3).</summary>
/// <param name="UrlId">The session id used in HTTP URLs (<c>/Session/&lt;urlID&gt;/</c>).</param>
/// <param name="UserName">The authenticated account, <c>user@domain</c>.</param>
public sealed record SessionInfo(string UrlId, string UserName)
{
    /// <summary>The account's real name, when it has one.</summary>
    public string? RealName { get; init; }

    /// <summary>The server version string clients may display or test.</summary>
    public string? Version { get; init; }

    /// <summary>A random value clients use as a cache buster in session URLs.</summary>
    public string? Random { get; init; }

    /// <summary><c>changePassword="1"</c>: the user must change the password before doing anything else.</summary>
    public bool ChangePassword { get; init; }

    /// <summary><c>x2auth="1"</c>: a second authentication factor is still required.</summary>
    public bool SecondFactorRequired { get; init; }
}
