using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Ximss.Authentication;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Sasl;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Http;

/// <summary>
/// <c>/ximsslogin/</c> and <c>/auth/ximsslogin/</c> (any case): starts an HTTP session, or runs the
/// pre-login operations of an XML body (seed, "HTTP Login"; docs/ximss.md §2).
/// </summary>
/// <remarks>
/// Credentials come from <c>userName</c> (or <c>username</c>) with <c>password</c>, or with <c>nonce</c> and
/// <c>authData</c> (CRAM-MD5 of a <c>listFeatures</c> nonce), in the query or a form body; else from an HTTP
/// Basic <c>Authorization</c> header. <c>/auth/ximsslogin/</c> takes the header only and answers a
/// missing or wrong one with 401, so a browser asks the user.
/// </remarks>
public sealed class XimssHttpLogin
{
    private const string Realm = "Postern";

    private readonly XimssDispatcher _dispatcher;
    private readonly LoginService _logins;
    private readonly Authenticator _authenticator;
    private readonly DomainService _domains;
    private readonly NonceCache _nonces;
    private readonly SessionHandoff _handoff;
    private readonly TimeProvider _time;

    internal XimssHttpLogin(XimssDispatcher dispatcher, LoginService logins, Authenticator authenticator, DomainService domains, NonceCache nonces,
        SessionHandoff handoff, TimeProvider time)
    {
        _dispatcher = dispatcher;
        _logins = logins;
        _authenticator = authenticator;
        _domains = domains;
        _nonces = nonces;
        _handoff = handoff;
        _time = time;
    }

    /// <param name="context">The request.</param>
    /// <param name="httpAuthenticationOnly">True for <c>/auth/ximsslogin/</c>.</param>
    public async Task HandleAsync(HttpContext context, bool httpAuthenticationOnly)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        var channel = new XimssChannel(XimssTransport.Http, context.Connection.RemoteIpAddress ?? IPAddress.None, _time.GetUtcNow())
        {
            IsSecure = request.IsHttps,
            DefaultDomain = (await _domains.FindAsync(request.Host.Host, cancellationToken))?.Name,
        };

        IReadOnlyDictionary<string, StringValues> fields = request.Query.ToDictionary(StringComparer.OrdinalIgnoreCase);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            fields = fields.Concat(form).GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            var body = await HttpMessages.ReadBodyAsync(request, XimssLimits.Default.MaxFrameBytes, cancellationToken);
            if (body is null)
            {
                await HttpMessages.WriteStatusAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "the body is too large", cancellationToken);
                return;
            }
            // A body holds pre-login operations; no login is done then (seed, "HTTP Login").
            if (HttpMessages.HasContent(body))
            {
                await RunPreLoginAsync(context, channel, body, cancellationToken);
                return;
            }
        }

        // A guest names no account: it is refused without asking for credentials.
        var guest = !httpAuthenticationOnly && HttpMessages.IsSet(Field(fields, "loginAsGuest"));
        var (userName, password) = httpAuthenticationOnly ? (null, null) : (Field(fields, "userName"), Field(fields, "password"));
        if (!guest && userName is null && !TryReadBasic(request, out userName, out password))
        {
            Challenge(context.Response);
            return;
        }

        using var output = new XimssOutput(terminateMessages: false);
        output.Writer.WriteStartContainer();
        var fixedAddress = !HttpMessages.IsSet(Field(fields, "DisableIPWatch"));
        var error = guest ? XimssError.GuestLoginUnavailable
            : !httpAuthenticationOnly && Field(fields, "sessionid") is { } sessionId
            ? await LoginWithSessionAsync(channel, userName!, sessionId, HttpMessages.IsSet(Field(fields, "killOld")), fixedAddress, output, cancellationToken)
            : await LoginAsync(channel, userName!, password, Field(fields, "nonce"), Field(fields, "authData"), fixedAddress, output, cancellationToken);
        if (error is not null && httpAuthenticationOnly)
        {
            Challenge(context.Response);
            return;
        }
        if (error is not null)
            output.Writer.WriteResponse(null, error);
        output.Writer.WriteEndElement();
        await HttpMessages.WriteXmlAsync(context.Response, output.Written, cancellationToken);
    }

    private Task<XimssError?> LoginAsync(XimssChannel channel, string userName, string? password, string? nonce, string? authData, bool fixedAddress,
        XimssOutput output, CancellationToken cancellationToken)
    {
        if (nonce is not null && authData is not null)
        {
            // CRAM-MD5 over the nonce listFeatures handed out; each nonce serves one login (docs/ximss.md §2).
            if (!CramMd5Credentials.TryFromHttpLogin(userName, nonce, authData, out var cram))
                return Task.FromResult<XimssError?>(XimssError.InvalidAuthenticationData);
            return _logins.LoginAsync(channel, null, userName, token => _nonces.TryConsume(nonce)
                    ? _authenticator.VerifyCramMd5Async(userName, Encoding.UTF8.GetBytes(cram.Challenge), cram.Digest, channel.DefaultDomain, token)
                    : Task.FromResult(new AuthenticationResult(null, AuthenticationFailure.WrongPassword)),
                fixedAddress, output.Writer, cancellationToken);
        }
        if (password is null)
            return Task.FromResult<XimssError?>(XimssError.MissingAttribute("password"));
        return _logins.LoginAsync(channel, null, userName,
            token => _authenticator.VerifyPasswordAsync(userName, password, channel.DefaultDomain, token), fixedAddress, output.Writer, cancellationToken);
    }

    /// <summary>A login with a live session's id instead of the password; <c>killOld</c> ends that session once the new one is open.</summary>
    private async Task<XimssError?> LoginWithSessionAsync(XimssChannel channel, string userName, string sessionId, bool killOld, bool fixedAddress,
        XimssOutput output, CancellationToken cancellationToken)
    {
        Postern.Sessions.Session? previous = null;
        var error = await _logins.LoginAsync(channel, null, userName, async token =>
        {
            var (result, session) = await _handoff.VerifyAsync(userName, sessionId, channel.RemoteAddress, channel.DefaultDomain, token);
            previous = session;
            return result;
        }, fixedAddress, output.Writer, cancellationToken);
        if (error is null && killOld && previous is not null)
            _handoff.EndPrevious(previous);
        return error;
    }

    private async Task RunPreLoginAsync(HttpContext context, XimssChannel channel, byte[] body, CancellationToken cancellationToken)
    {
        if (!XimssContainer.TryParse(new System.Buffers.ReadOnlySequence<byte>(body), out var container, out var error))
        {
            await HttpMessages.WriteErrorAsync(context.Response, error, cancellationToken);
            return;
        }
        using var output = new XimssOutput(terminateMessages: false);
        output.Writer.WriteStartContainer();
        foreach (var element in container.Requests)
            await _dispatcher.ExecuteAsync(channel, element, output, cancellationToken);
        output.Writer.WriteEndElement();
        await HttpMessages.WriteXmlAsync(context.Response, output.Written, cancellationToken);
    }

    private static string? Field(IReadOnlyDictionary<string, StringValues> fields, string name) =>
        fields.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static bool TryReadBasic(HttpRequest request, out string? userName, out string? password)
    {
        var found = BasicCredentials.TryParse(request.Headers.Authorization.ToString(), out var name, out var secret);
        (userName, password) = found ? (name, secret) : (null, null);
        return found;
    }

    private static void Challenge(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers[HeaderNames.WWWAuthenticate] = BasicCredentials.Challenge(Realm);
        response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
    }
}
