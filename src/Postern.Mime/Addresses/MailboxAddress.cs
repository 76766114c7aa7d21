using System.Globalization;
using System.Text;

namespace Postern.Mime.Addresses;

/// <summary>A mailbox: an optional display name and an address (RFC 5322 §3.4).</summary>
public sealed class MailboxAddress : AddressEntry
{
    private static readonly IdnMapping s_idn = new() { AllowUnassigned = true };

    /// <summary>Creates a mailbox from a display name and an address such as <c>user@example.com</c>.</summary>
    public MailboxAddress(string? name, string address)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        LocalPart = at < 0 ? address : address[..at];
        Domain = at < 0 ? "" : address[(at + 1)..];
    }

    /// <summary>Creates a mailbox from its parts.</summary>
    public MailboxAddress(string? name, string localPart, string domain, string? route = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(localPart);
        ArgumentNullException.ThrowIfNull(domain);
        LocalPart = localPart;
        Domain = domain;
        Route = string.IsNullOrEmpty(route) ? null : route;
    }

    /// <summary>The local part, unquoted: <c>john smith</c> for <c>"john smith"@example.com</c>.</summary>
    public string LocalPart { get; }

    /// <summary>The domain as written (may be Unicode, RFC 6532, or ACE <c>xn--</c>); empty when the address has none.</summary>
    public string Domain { get; }

    /// <summary>An obsolete source route (RFC 5322 §4.4 obs-route), such as <c>@relay1,@relay2</c>; usually null.</summary>
    public string? Route { get; }

    /// <summary>The addr-spec, with the local part quoted when it needs to be: <c>user@example.com</c>.</summary>
    /// <remarks>Empty for an entry that had a display name but no address at all.</remarks>
    public string Address => Domain.Length == 0 ? QuotedLocalPart : QuotedLocalPart + "@" + Domain;

    /// <summary>Whether the address has both a local part and a domain.</summary>
    public bool IsComplete => LocalPart.Length > 0 && Domain.Length > 0;

    /// <summary>The domain with ACE labels (<c>xn--</c>) turned into Unicode (RFC 5891); as written when that fails.</summary>
    public string UnicodeDomain
    {
        get
        {
            if (!Domain.Contains("xn--", StringComparison.OrdinalIgnoreCase))
            {
                return Domain;
            }

            try
            {
                return s_idn.GetUnicode(Domain);
            }
            catch (ArgumentException)
            {
                return Domain;
            }
        }
    }

    /// <summary>The domain in ASCII, Unicode labels turned into ACE (<c>xn--</c>, RFC 5891); as written when that fails.</summary>
    public string AsciiDomain
    {
        get
        {
            if (Ascii.IsValid(Domain) || Domain.StartsWith('['))
            {
                return Domain;
            }

            try
            {
                return s_idn.GetAscii(Domain);
            }
            catch (ArgumentException)
            {
                return Domain;
            }
        }
    }

    private string QuotedLocalPart => LocalPart.Length == 0 || IsDotAtom(LocalPart) ? LocalPart : Quote(LocalPart);

    /// <summary>Whether two mailboxes have the same address (local part exact, domain case-insensitive).</summary>
    public bool HasSameAddress(MailboxAddress other) =>
        string.Equals(LocalPart, other.LocalPart, StringComparison.Ordinal)
        && string.Equals(AsciiDomain, other.AsciiDomain, StringComparison.OrdinalIgnoreCase);

    /// <summary>The mailbox as people read it: <c>"Name" &lt;user@example.com&gt;</c>, or just the address.</summary>
    /// <remarks>Not encoded for a header: the message writer applies RFC 2047 to non-ASCII names.</remarks>
    public override string ToString() => Name is null ? Address : DisplayName(Name) + " <" + Address + ">";

    /// <summary>A display name as written in a header: as it is when it is a phrase of atoms, else quoted.</summary>
    internal static string DisplayName(string name)
    {
        foreach (var word in name.Split(' '))
        {
            if (word.Length == 0 || !IsDotAtom(word) || word.Contains('.', StringComparison.Ordinal))
            {
                return Quote(name);
            }
        }

        return name;
    }

    internal static bool IsDotAtom(string s)
    {
        if (s.Length == 0 || s[0] == '.' || s[^1] == '.' || s.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c < 0x80 && c != '.' && !Parsing.ByteClasses.Is((byte)c, Parsing.ByteClass.AtomText))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 5322 §3.2.4 quoted-string: backslash before '"' and '\'.</summary>
    internal static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }
}
