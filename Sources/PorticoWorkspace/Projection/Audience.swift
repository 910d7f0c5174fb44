/// Who a site is built for: one partner (multipartner mode), every partner at once
/// (the shared `partners` site), or the team (preview, sees everything).
public enum Audience: Hashable, Sendable {
    case partner(String)
    case allPartners
    case team
}
