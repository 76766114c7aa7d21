using System.Net;
using Postern.Accounts;
using Postern.Sessions;

namespace Postern.Ximss.Authentication;

/// <summary>
/// The HTTP login by session id (<c>userName=U&amp;sessionid=SID</c>, optionally <c>killOld=1</c>): a client that
/// holds a live session of the account (a WebUser page opening a XIMSS client, a XIMSS client restarting) opens
/// a new XIMSS session with it instead of the password (docs/ximss.md §2.2).
/// </summary>
/// <remarks>
/// A session id is a secret as strong as a password (<see cref="SessionId"/>), so it stands in for one: it must
/// name a live session of the same account, usable from the client's address (a session bound to its address
/// vouches for nobody elsewhere). A wrong id counts as a failed login, throttled like a wrong password.
/// </remarks>
public sealed class SessionHandoff(SessionRegistry sessions, AccountService accounts)
{
    /// <summary>Checks the session id; the live session it names is returned for <c>killOld</c>.</summary>
    public async Task<(AuthenticationResult Result, Session? Previous)> VerifyAsync(
        string userName, string sessionId, IPAddress client, string? defaultDomain, CancellationToken cancellationToken)
    {
        var account = await accounts.ResolveLoginNameAsync(userName, defaultDomain, cancellationToken);
        if (account is null)
            return (new AuthenticationResult(null, AuthenticationFailure.UnknownAccount), null);
        if (sessions.Find(sessionId.Trim(), client, out var session) != SessionLookup.Found || session!.AccountId != account.Id)
            return (new AuthenticationResult(null, AuthenticationFailure.WrongPassword), null);
        return (new AuthenticationResult(account, AuthenticationFailure.None), session);
    }

    /// <summary>Ends the session the login came with (<c>killOld=1</c>): the client moves to the new one.</summary>
    public void EndPrevious(Session previous) => sessions.End(previous, SessionEndReason.Logout);
}
