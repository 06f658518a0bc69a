package dev.aragent.agent.spi;

class InMemoryPayLinksTest implements PayLinksContract {
    private final InMemoryPayLinks links = new InMemoryPayLinks();

    @Override
    public PayLinks links() {
        return links;
    }

    @Override
    public boolean takesPayments(String linkId) {
        return links.takesPayments(linkId);
    }
}
