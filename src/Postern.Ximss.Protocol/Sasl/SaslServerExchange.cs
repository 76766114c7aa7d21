using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Postern.Ximss.Protocol.Sasl;

/// <summary>The server side of one SASL exchange (RFC 4422), sans I/O: base64 responses in, challenges or credentials out.</summary>
/// <remarks>
/// <code>
/// var exchange = new SaslServerExchange(request.Mechanism, "mail.example.com");
/// var step = exchange.Start(request.InitialResponse);          // AuthenticateRequest
/// while (step.Kind == SaslStepKind.Challenge) { send challenge; step = exchange.Continue(auth.Response); }
/// </code>
/// The exchange never sees a stored password: it yields <see cref="SaslCredentials"/> for the account service to check.
/// </remarks>
public sealed class SaslServerExchange
{
    // draft-murchison-sasl-login-00 §2: the prompts every LOGIN client expects.
    private static readonly byte[] s_userNamePrompt = "Username:"u8.ToArray();
    private static readonly byte[] s_passwordPrompt = "Password:"u8.ToArray();

    private readonly string _serverName;
    private State _state = State.NotStarted;
    private string? _loginUserName;
    private string? _cramChallenge;

    /// <summary>Prepares an exchange; <paramref name="serverName"/> goes into CRAM-MD5 challenges (RFC 2195 §2).</summary>
    public SaslServerExchange(SaslMechanism mechanism, string serverName)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        Mechanism = mechanism;
        _serverName = serverName;
    }

    private enum State
    {
        NotStarted,
        AwaitingPlain,
        AwaitingLoginUserName,
        AwaitingLoginPassword,
        AwaitingCramDigest,
        Finished,
    }

    /// <summary>The mechanism in use.</summary>
    public SaslMechanism Mechanism { get; }

    /// <summary>Begins the exchange, with the client's base64 initial response if it sent one (RFC 4422 §3.3).</summary>
    public SaslStep Start(string? initialResponse)
    {
        if (_state != State.NotStarted)
            return Finish(XimssError.NoAuthenticationInProgress);

        switch (Mechanism)
        {
            case SaslMechanism.Plain:
                _state = State.AwaitingPlain;
                return initialResponse is null ? SaslStep.Challenged([]) : Continue(initialResponse);

            case SaslMechanism.Login:
                _state = State.AwaitingLoginUserName;
                return initialResponse is null ? SaslStep.Challenged(s_userNamePrompt) : Continue(initialResponse);

            default:
                // RFC 2195: the server speaks first; an initial response has nothing to answer.
                if (initialResponse is not null)
                    return Finish(XimssError.InvalidAuthenticationData);
                _state = State.AwaitingCramDigest;
                _cramChallenge = CreateCramChallenge();
                return SaslStep.Challenged(Encoding.ASCII.GetBytes(_cramChallenge));
        }
    }

    /// <summary>Takes the client's next base64 response; <c>*</c> cancels (RFC 4422 §3.5).</summary>
    public SaslStep Continue(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_state is State.NotStarted or State.Finished)
            return Finish(XimssError.NoAuthenticationInProgress);
        if (response == "*")
            return Finish(XimssError.AuthenticationCancelled);
        if (!TryDecode(response, out var message))
            return Finish(XimssError.InvalidAuthenticationData);

        switch (_state)
        {
            case State.AwaitingPlain:
                return ReadPlain(message);

            case State.AwaitingLoginUserName:
                if (!TryGetText(message, out _loginUserName))
                    return Finish(XimssError.InvalidAuthenticationData);
                _state = State.AwaitingLoginPassword;
                return SaslStep.Challenged(s_passwordPrompt);

            case State.AwaitingLoginPassword:
                if (!TryGetText(message, out var password))
                    return Finish(XimssError.InvalidAuthenticationData);
                return Finish(new PasswordCredentials(null, _loginUserName!, password));

            default:
                return ReadCramDigest(message);
        }
    }

    // RFC 4616 §2: message = [authzid] NUL authcid NUL passwd, all UTF-8.
    private SaslStep ReadPlain(byte[] message)
    {
        var parts = message.AsSpan();
        var first = parts.IndexOf((byte)0);
        var second = first < 0 ? -1 : parts[(first + 1)..].IndexOf((byte)0) + first + 1;
        if (first < 0 || second <= first
            || !TryGetText(parts[..first], out var authorizationId)
            || !TryGetText(parts[(first + 1)..second], out var userName)
            || !TryGetText(parts[(second + 1)..], out var password)
            || userName.Length == 0)
            return Finish(XimssError.InvalidAuthenticationData);
        return Finish(new PasswordCredentials(authorizationId.Length == 0 ? null : authorizationId, userName, password));
    }

    // RFC 2195 §2: the response is the user name, a space, and the digest as 32 lowercase hex digits.
    private SaslStep ReadCramDigest(byte[] message)
    {
        var space = message.AsSpan().LastIndexOf((byte)' ');
        if (space <= 0 || !CramMd5Credentials.IsHexDigest(message.AsSpan(space + 1)) || !TryGetText(message.AsSpan(0, space), out var userName))
            return Finish(XimssError.InvalidAuthenticationData);
        var digest = Encoding.ASCII.GetString(message, space + 1, message.Length - space - 1).ToLowerInvariant();
        return Finish(new CramMd5Credentials(userName, _cramChallenge!, digest));
    }

    private SaslStep Finish(SaslCredentials credentials)
    {
        _state = State.Finished;
        return SaslStep.Completed(credentials);
    }

    private SaslStep Finish(XimssError error)
    {
        _state = State.Finished;
        return SaslStep.Failed(error);
    }

    private string CreateCramChallenge()
    {
        // RFC 2195 §2 asks for a unique timestamp-like string; 64 random bits make it unguessable as well.
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return $"<{random}.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}@{_serverName}>";
    }

    // IMAP's SASL-IR convention (RFC 4959 §3): "=" stands for an empty response.
    private static bool TryDecode(string response, out byte[] message)
    {
        message = [];
        if (response.Length == 0 || response == "=")
            return true;
        var buffer = new byte[response.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(response, buffer, out var length))
            return false;
        message = buffer[..length];
        return true;
    }

    private static bool TryGetText(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        if (!Utf8.IsValid(bytes) || bytes.Contains((byte)0))
            return false;
        text = Encoding.UTF8.GetString(bytes);
        return true;
    }
}
