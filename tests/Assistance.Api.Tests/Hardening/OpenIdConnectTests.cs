namespace Assistance.Api.Tests.Hardening;

using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// The production option: an OpenID Connect identity provider issues the tokens, the API finds its public keys
/// through the discovery document and JWKS. The provider is a stub HTTP handler serving both documents.
/// </summary>
public sealed class OpenIdConnectTests
{
    private const string Authority = "https://idp.test";
    private static readonly RSA Rsa = RSA.Create(2048);
    private static readonly ECDsa Ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly RsaSecurityKey RsaKey = new(Rsa) { KeyId = "rsa-1" };
    private static readonly ECDsaSecurityKey EcKey = new(Ec) { KeyId = "ec-1" };
    private ApiFactory factory = null!;

    private sealed class IdentityProvider : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = path switch
            {
                "/.well-known/openid-configuration" => JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["issuer"] = Authority,
                    ["jwks_uri"] = Authority + "/jwks",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
                }),
                "/jwks" => JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["keys"] = new[] { Jwk(JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Rsa.ExportParameters(false)) { KeyId = "rsa-1" })), Jwk(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(Ec.ExportParameters(false))) { KeyId = "ec-1" })) },
                }),
                _ => null,
            };
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }

        private static Dictionary<string, string?> Jwk(JsonWebKey key) => new()
        {
            ["kty"] = key.Kty,
            ["kid"] = key.Kid,
            ["use"] = "sig",
            ["n"] = key.N,
            ["e"] = key.E,
            ["crv"] = key.Crv,
            ["x"] = key.X,
            ["y"] = key.Y,
        };
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ApiFactory(await TestDatabase.CreateAsync(), new Dictionary<string, string?>
        {
            ["Authentication:Issuer"] = Authority,
            ["Authentication:Audience"] = "assistance-api",
            ["Authentication:Authority"] = Authority,
        }, UseStubProvider);
        _ = factory.Server;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await factory.DisposeAsync();
        Rsa.Dispose();
        Ec.Dispose();
    }

    private static string Token(SecurityKey key, string algorithm, string region = "320682") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = "assistance-api",
            Subject = new ClaimsIdentity([new Claim("sub", "idp-user"), new Claim("scope", "registry.read"), new Claim("region", region), new Claim("agency", "民政局")]),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    private async Task<HttpStatusCode> StatusAsync(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync(new Uri("/api/v1/regions/320682", UriKind.Relative))).StatusCode;
    }

    [Test]
    public async Task Rs256AndEs256TokensOfTheProvider_AreAccepted()
    {
        Assert.That(await StatusAsync(Token(RsaKey, SecurityAlgorithms.RsaSha256)), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusAsync(Token(EcKey, SecurityAlgorithms.EcdsaSha256)), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ProviderKeyWithAnUnpinnedAlgorithm_OrAnUnknownKey_IsRefused()
    {
        Assert.That(await StatusAsync(Token(RsaKey, SecurityAlgorithms.RsaSha384)), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StatusAsync(Token(RsaKey, SecurityAlgorithms.RsaSsaPssSha256)), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StatusAsync(Token(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256)), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>The stub provider is wired in through the bearer options' back-channel (Configure runs before the post-configure that builds the metadata manager).</summary>
    internal static void UseStubProvider(IServiceCollection services) =>
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = new IdentityProvider());
}
