using System.Security.Cryptography.X509Certificates;
using Postern.Data;
using Postern.Skins;
using Postern.Templates;

namespace Postern.WebUser.Rendering;

/// <summary>One rendering of a message into markup: where its parts are found, how they are shown, and what was met on the way.</summary>
public sealed class MessageRenderContext
{
    /// <summary>The skin whose part pages (<c>rfc822message.wssp</c>, <c>attachmentpart.wssp</c>…) render the parts.</summary>
    public required SelectedSkin Skin { get; init; }

    /// <summary>The session realm prefix, <c>/Session/&lt;id&gt;/</c>, that part URLs start with.</summary>
    public required string SessionPrefix { get; init; }

    /// <summary>The mailbox holding the message.</summary>
    public required string Mailbox { get; init; }

    /// <summary>The message's UID.</summary>
    public required uint Uid { get; init; }

    public string? Language { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public IDataLookup? Session { get; init; }

    public IDataLookup? Settings { get; init; }

    /// <summary>Render for a WML browser (the part datasets carry <c>isWML</c>).</summary>
    public bool IsWml { get; init; }

    /// <summary>Render for printing (the part datasets carry <c>printVersion</c>).</summary>
    public bool PrintVersion { get; init; }

    /// <summary>The user allowed remote content (images, style sheets from other sites) in this message.</summary>
    public bool AllowRemoteContent { get; init; }

    /// <summary>Show every header field instead of the usual few.</summary>
    public bool ShowAllHeaders { get; init; }

    /// <summary>The session's unlocked S/MIME key, used to decrypt encrypted parts.</summary>
    public X509Certificate2? PrivateKey { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Set when a file part (attachment, image, embedded file) was rendered (the Message page's <c>hasFiles</c>).</summary>
    public bool HasFiles { get; internal set; }

    /// <summary>Set when remote content was left out because the user has not allowed it.</summary>
    public bool RemoteContentBlocked { get; internal set; }

    /// <summary>Parts rendered so far, against <see cref="MessageRenderer.MaxRenderedParts"/>.</summary>
    internal int PartsRendered { get; set; }

    /// <summary>A template context for one part page.</summary>
    internal TemplateContext TemplateContextFor(DataDictionary dataset) => new(dataset)
    {
        Strings = Skin.Strings(Language),
        Includes = Skin,
        Session = Session,
        Settings = Settings,
        Language = Language,
        TimeZone = TimeZone,
        TimeProvider = TimeProvider,
        CancellationToken = CancellationToken,
    };
}
