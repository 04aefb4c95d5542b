namespace Assistance.Infrastructure.Partners;

using System.Security.Cryptography;
using System.Text;
using Assistance.Application.Subscriptions;

/// <summary>
/// AES-256-GCM with keys from configuration (<c>Partners:SecretKeys</c>, base64 of 32 bytes; the first encrypts, all
/// decrypt, so keys rotate by putting the new one first). Stored as <c>keyId.base64(nonce|tag|ciphertext)</c>, the key id
/// being the first 8 hex digits of the key's SHA-256. Chosen over ASP.NET Data Protection because every replica and the
/// delivery worker need the same keys, which configuration (a secret store in production) already gives, without a key
/// ring table to migrate and protect; a database dump alone does not reveal the secrets.
/// </summary>
public sealed class AesGcmWebhookSecretProtector : IWebhookSecretProtector
{
    /// <summary>Published in this repository's Development settings, so refused elsewhere.</summary>
    public const string DevelopmentKey = "ZGV2ZWxvcG1lbnQtd2ViaG9vay1zZWNyZXQta2V5ITE=";

    private readonly List<(string Id, byte[] Key)> keys;

    public AesGcmWebhookSecretProtector(IEnumerable<string> base64Keys)
    {
        ArgumentNullException.ThrowIfNull(base64Keys);
        keys = base64Keys.Select(k => Convert.FromBase64String(k)).Select(k => (Convert.ToHexStringLower(SHA256.HashData(k))[..8], k)).ToList();
        if (keys.Count == 0 || keys.Any(k => k.Key.Length != 32))
        {
            throw new InvalidOperationException("Partners:SecretKeys needs at least one key of exactly 32 bytes (base64).");
        }
    }

    public string Protect(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var (id, key) = keys[0];
        var plain = Encoding.UTF8.GetBytes(secret);
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16), Encoding.ASCII.GetBytes(id));
        return id + "." + Convert.ToBase64String(output);
    }

    public string Unprotect(string protectedSecret)
    {
        ArgumentNullException.ThrowIfNull(protectedSecret);
        var dot = protectedSecret.IndexOf('.', StringComparison.Ordinal);
        var id = dot > 0 ? protectedSecret[..dot] : throw new CryptographicException("Not a protected secret.");
        var key = keys.FirstOrDefault(k => k.Id == id).Key ?? throw new CryptographicException($"No key {id} in Partners:SecretKeys.");
        var data = Convert.FromBase64String(protectedSecret[(dot + 1)..]);
        var plain = new byte[data.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(28), data.AsSpan(12, 16), plain, Encoding.ASCII.GetBytes(id));
        return Encoding.UTF8.GetString(plain);
    }
}
