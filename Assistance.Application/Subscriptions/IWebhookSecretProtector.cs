namespace Assistance.Application.Subscriptions;

/// <summary>
/// Encrypts webhook signing secrets at rest. They cannot be hashed like passwords: the worker needs the secret itself
/// to compute each HMAC signature.
/// </summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
