using System.Security.Cryptography.X509Certificates;
using Postern.Data;

namespace Postern.WebUser.Rendering;

/// <summary>The signer elements of a SignedPart <c>signatures</c> entry, read from the signing certificate.</summary>
internal static class SmimeSigner
{
    public static DataDictionary Describe(X509Certificate2 certificate)
    {
        var signer = new DataDictionary
        {
            ["contact"] = certificate.GetNameInfo(X509NameType.EmailName, forIssuer: false) ?? "",
            ["commonName"] = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) ?? "",
        };
        foreach (var (element, oid) in new[] { ("Country", "2.5.4.6"), ("Province", "2.5.4.8"), ("Organization", "2.5.4.10"), ("Unit", "2.5.4.11") })
        {
            if (RdnValue(certificate.SubjectName, oid) is { Length: > 0 } value)
                signer[element] = value;
        }
        return signer;
    }

    private static string? RdnValue(X500DistinguishedName name, string oid)
    {
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == oid)
                return rdn.GetSingleElementValue();
        }
        return null;
    }
}
