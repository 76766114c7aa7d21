using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>Writers for responses and the session-level data messages (docs/ximss.md §7.2, §7.3).</summary>
public static class SessionMessages
{
    /// <summary>
    /// <c>&lt;response id="…"/&gt;</c>, or with <c>errorText</c> and <c>errorNum</c> on failure (CGP XMLAPI).
    /// A null <paramref name="id"/> writes none, for frames whose id could not be read.
    /// </summary>
    public static void WriteResponse(this XimssXmlWriter writer, string? id, XimssError? error = null)
    {
        writer.WriteStartElement("response");
        writer.WriteAttribute("id", id);
        if (error is not null)
        {
            writer.WriteAttribute("errorText", error.Text);
            writer.WriteAttribute("errorNum", error.Number);
        }

        writer.WriteEndElement();
    }

    /// <summary><c>&lt;session urlID userName …/&gt;</c>; <paramref name="id"/> is null on the HTTP login reply (seed).</summary>
    public static void WriteSession(this XimssXmlWriter writer, string? id, SessionInfo session)
    {
        writer.WriteStartElement("session");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("urlID", session.UrlId);
        writer.WriteAttribute("userName", session.UserName);
        writer.WriteAttribute("realName", session.RealName);
        writer.WriteAttribute("version", session.Version);
        writer.WriteAttribute("random", session.Random);
        writer.WriteAttribute("changePassword", session.ChangePassword ? "1" : null);
        writer.WriteAttribute("x2auth", session.SecondFactorRequired ? "1" : null);
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;features id domain&gt;&lt;starttls/&gt;&lt;sasl&gt;…&lt;/sasl&gt;…&lt;/features&gt;</c> (docs/ximss.md §7.3).</summary>
    public static void WriteFeatures(this XimssXmlWriter writer, string id, FeatureSet features)
    {
        writer.WriteStartElement("features");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("domain", features.Domain);
        if (features.StartTls)
            writer.WriteEmptyElement("starttls");
        foreach (var mechanism in features.SaslMechanisms)
            writer.WriteElementString("sasl", mechanism);
        if (features.Nonce is not null)
            writer.WriteElementString("nonce", features.Nonce);
        foreach (var language in features.Languages)
            writer.WriteElementString("language", language);
        if (features.Signup)
            writer.WriteEmptyElement("signup");
        writer.WriteEndElement();
    }

    /// <summary>
    /// <c>&lt;currentTime id gmtTime localTime/&gt;</c>, the answer to <c>readTime</c>; both times are
    /// written without a zone marker, as in CGP's own example (seed, HTTP binding).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="id">The request id.</param>
    /// <param name="now">The current time, with the session's offset from GMT.</param>
    public static void WriteCurrentTime(this XimssXmlWriter writer, string id, DateTimeOffset now)
    {
        writer.WriteStartElement("currentTime");
        writer.WriteAttribute("id", id);
        writer.WriteTimeAttribute("gmtTime", now.UtcDateTime);
        writer.WriteTimeAttribute("localTime", now.DateTime);
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;alert gmtTime localTime&gt;text&lt;/alert&gt;</c>, an asynchronous message (CGP XMLAPI example).</summary>
    public static void WriteAlert(this XimssXmlWriter writer, string text, DateTimeOffset time)
    {
        writer.WriteStartElement("alert");
        writer.WriteTimeAttribute("gmtTime", time.UtcDateTime);
        writer.WriteTimeAttribute("localTime", time.DateTime);
        writer.WriteString(text);
        writer.WriteEndElement();
    }

    /// <summary>
    /// <c>&lt;challenge id value="B64"&gt;B64&lt;/challenge&gt;</c>: a SASL challenge, base64-encoded, in both
    /// the attribute (Flash-library clients) and the text (reference form), docs/ximss.md §6.
    /// </summary>
    public static void WriteChallenge(this XimssXmlWriter writer, string id, ReadOnlySpan<byte> challenge)
    {
        var encoded = Convert.ToBase64String(challenge);
        writer.WriteStartElement("challenge");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("value", encoded);
        writer.WriteString(encoded);
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;knownValues id&gt;&lt;tzid name/&gt;…&lt;charset name/&gt;…&lt;/knownValues&gt;</c> (docs/ximss.md).</summary>
    public static void WriteKnownValues(this XimssXmlWriter writer, string id, KnownValues values)
    {
        writer.WriteStartElement("knownValues");
        writer.WriteAttribute("id", id);
        WriteNamedItems(writer, "tzid", values.TimeZones);
        WriteNamedItems(writer, "charset", values.Charsets);
        writer.WriteEndElement();
    }

    /// <summary>
    /// <c>&lt;prefs id [type]&gt;&lt;Language&gt;english&lt;/Language&gt;…&lt;/prefs&gt;</c> (docs/ximss.md §5.2): one element
    /// per preference, its name the key; values that are not plain strings are CGP XML objects.
    /// </summary>
    public static void WritePrefs(this XimssXmlWriter writer, string id, string? type, IEnumerable<XimssElement> preferences)
    {
        writer.WriteStartElement("prefs");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("type", type);
        foreach (var preference in preferences)
            preference.WriteTo(writer);
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;bye/&gt;</c> without an id: the server has ended the session (docs/ximss.md §1).</summary>
    public static void WriteBye(this XimssXmlWriter writer) => writer.WriteEmptyElement("bye");

    private static void WriteNamedItems(XimssXmlWriter writer, string element, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            writer.WriteStartElement(element);
            writer.WriteAttribute("name", name);
            writer.WriteEndElement();
        }
    }
}
