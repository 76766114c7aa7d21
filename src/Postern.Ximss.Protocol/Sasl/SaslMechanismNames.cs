namespace Postern.Ximss.Protocol.Sasl;

/// <summary>The registered names of <see cref="SaslMechanism"/> values (RFC 4422 §3.1: case-insensitive on input, upper case on output).</summary>
public static class SaslMechanismNames
{
    /// <summary>The name to advertise in <c>&lt;sasl&gt;</c>.</summary>
    public static string ToName(SaslMechanism mechanism) => mechanism switch
    {
        SaslMechanism.Plain => "PLAIN",
        SaslMechanism.Login => "LOGIN",
        SaslMechanism.CramMd5 => "CRAM-MD5",
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism)),
    };

    /// <summary>Recognises a mechanism name in any case.</summary>
    public static bool TryParse(string name, out SaslMechanism mechanism)
    {
        foreach (var candidate in Enum.GetValues<SaslMechanism>())
        {
            if (string.Equals(name, ToName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                mechanism = candidate;
                return true;
            }
        }

        mechanism = default;
        return false;
    }
}
